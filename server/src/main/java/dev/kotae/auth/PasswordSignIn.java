package dev.kotae.auth;

import java.time.Duration;
import java.util.Optional;

/**
 * Signs a person in with account name and password, slowing down guessing both per client address and per
 * account name, while never telling whether a name exists.
 *
 * <ul>
 *   <li>A try takes one from the address's allowance and one from the name's before the password is looked
 *       at; with either spent, the try is refused unseen and the caller is told how long to wait. The name's
 *       allowance is a short throttle, not a lockout: it refills a try every few seconds however many
 *       failures came before, and each of the attacker's addresses is slowed too.</li>
 *   <li>A try that carries a valid {@link DeviceCookies device cookie} for the name typed (the browser signed
 *       in as that person before) takes from that device's allowance instead of the name's, so someone who
 *       keeps spending the name's allowance with wrong passwords cannot keep the person out of their own
 *       browser. The address's allowance still applies to it.</li>
 *   <li>Names nobody has are throttled the same way, and their password is compared against a dummy
 *       Argon2id hash, so an unknown name takes as long and answers the same as a wrong password. A disabled
 *       account is refused the same way, after its real hash was compared.</li>
 *   <li>A right password gives both tries back: only failures count.</li>
 * </ul>
 */
public final class PasswordSignIn {

    /** What came of a try. */
    public sealed interface Attempt {
        /**
         * The password is right and the account enabled: start a session for {@code account}, and give the
         * browser {@code deviceCookie} (a fresh device cookie for the account, {@link DeviceCookies#LIFETIME}).
         */
        record Accepted(Account account, String deviceCookie) implements Attempt {}

        /** Wrong name or password, or a disabled account: the same answer for each. */
        record Refused() implements Attempt {}

        /** Too many failures from this address, or for this name (or this device); nothing was compared. */
        record Throttled(Duration retryAfter) implements Attempt {}
    }

    /**
     * Longest name kept as a throttle key: longer ones are no account's, and are counted under their start,
     * one character longer than any account's name so that they never share an account's key.
     */
    private static final int MAX_KEY = Account.MAX_NAME + 1;

    private final Accounts accounts;
    private final PasswordHasher hasher;
    private final SignInThrottle perAddress;
    private final SignInThrottle perAccount;
    private final DeviceCookies devices;

    /**
     * @param perAddress failures per client address (shared with token sign-in, so an address has one allowance)
     * @param perAccount failures per account name as typed (lower-cased), and per known device
     * @param devices signs and checks the device cookies that take a try off the name's allowance
     */
    public PasswordSignIn(Accounts accounts, PasswordHasher hasher, SignInThrottle perAddress,
            SignInThrottle perAccount, DeviceCookies devices) {
        this.accounts = accounts;
        this.hasher = hasher;
        this.perAddress = perAddress;
        this.perAccount = perAccount;
        this.devices = devices;
    }

    /** A try from a browser without a device cookie: {@link #attempt(String, String, String, String)}. */
    public Attempt attempt(String name, String password, String address) {
        return attempt(name, password, address, null);
    }

    /**
     * A try to sign in as {@code name} with {@code password} from the client at {@code address}, whose
     * browser sent {@code deviceCookie} ({@code null} if none): a valid one for this name is throttled as
     * that device rather than as the name; any other value is ignored.
     */
    public Attempt attempt(String name, String password, String address, String deviceCookie) {
        String typed = Account.fold(name);
        // Two kinds of key in one throttle, told apart by their first word so a typed name is never a device.
        String key = devices.device(deviceCookie, typed).map(device -> "device " + device)
                .orElseGet(() -> "name " + (typed.length() > MAX_KEY ? typed.substring(0, MAX_KEY) : typed));
        Optional<Duration> addressWait = perAddress.tryToSignIn(address);
        if (addressWait.isPresent()) {
            return new Attempt.Throttled(addressWait.get());
        }
        Optional<Duration> accountWait = perAccount.tryToSignIn(key);
        if (accountWait.isPresent()) {
            perAddress.succeeded(address); // this address guessed nothing: its try is not spent
            return new Attempt.Throttled(accountWait.get());
        }
        Optional<Account> account = accounts.find(typed);
        boolean right = account.isPresent()
                ? hasher.matches(password, account.get().passwordHash()) && !account.get().disabled()
                : hasher.matchesNothing(password);
        if (!right) {
            return new Attempt.Refused();
        }
        perAddress.succeeded(address);
        perAccount.succeeded(key);
        return new Attempt.Accepted(account.get(), devices.issue(account.get().name()));
    }
}
