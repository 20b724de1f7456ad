// The test shop's own script. A real contact form would send the ticket; this one stays on the page so the
// end-to-end test can look at it afterwards, which it could not do after a navigation.
document.getElementById('contact').addEventListener('submit', function (event) {
  event.preventDefault();
  document.getElementById('sent').hidden = false;
});
