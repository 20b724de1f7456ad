package dev.kotae.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The heap in use is read from {@code jcmd GC.heap_info} as each collector prints it (JDK 17). */
class HeapInfoTest {

    @Test
    void g1PrintsOneHeap() {
        String info = """
                23261:
                 garbage-first heap   total 389120K, used 205837K [0x00000000e0000000, 0x0000000100000000)
                  region size 1024K, 0 young (0K), 0 survivors (0K)
                 Metaspace       used 74K, committed 320K, reserved 1114112K
                  class space    used 3K, committed 128K, reserved 1048576K
                """;
        assertEquals(205837 / 1024.0, ServerProcess.heapUsedMib(info), 1e-9);
    }

    @Test
    void theParallelCollectorPrintsItsGenerationsWhichAddUp() {
        String info = """
                23097:
                 PSYoungGen      total 158720K, used 1024K [0x00000000f5580000, 0x0000000100000000, 0x0000000100000000)
                  eden space 142848K, 0% used [0x00000000f5580000,0x00000000f5580000,0x00000000fe100000)
                  from space 15872K, 0% used [0x00000000ff080000,0x00000000ff080000,0x0000000100000000)
                  to   space 15872K, 0% used [0x00000000fe100000,0x00000000fe100000,0x00000000ff080000)
                 ParOldGen       total 258048K, used 102851K [0x00000000e0000000, 0x00000000efc00000, 0x00000000f5580000)
                  object space 258048K, 39% used [0x00000000e0000000,0x00000000e6470c58,0x00000000efc00000)
                 Metaspace       used 127K, committed 320K, reserved 1114112K
                  class space    used 4K, committed 128K, reserved 1048576K
                """;
        assertEquals((1024 + 102851) / 1024.0, ServerProcess.heapUsedMib(info), 1e-9);
    }

    @Test
    void anAnswerWithoutAHeapIsNoFigure() {
        assertEquals(-1, ServerProcess.heapUsedMib("23097:\nNo such command\n"));
    }
}
