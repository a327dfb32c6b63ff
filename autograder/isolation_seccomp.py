"""A seccomp filter for isolated sandbox children (classic BPF, no library).

``bwrap --seccomp FD`` installs it just before the child starts. It refuses
what grading never needs and what widens the kernel's attack surface for an
unprivileged process:

- new namespaces: ``unshare``, ``setns``, ``clone`` with any ``CLONE_NEW*``
  flag (a nested user namespace would give the child capabilities there);
  ``clone3`` answers ENOSYS, so the C library falls back to ``clone``, whose
  flags a classic filter can read (threads still start);
- mounting, ``pivot_root``, ``chroot``, ``open_by_handle_at``;
- kernel keyrings, ``bpf``, ``perf_event_open``, ``userfaultfd``,
  ``io_uring``, modules, ``kexec``, ``reboot``, swap, ``acct``, ``syslog``.

Calls refused answer EPERM; a call from another ABI (32-bit or x32 on
x86_64) kills the process, since its numbers differ. x86_64 and aarch64
only: elsewhere :func:`program` returns None and no filter is used.
"""
import os
import platform
import struct

# <linux/filter.h>, <linux/seccomp.h>, <linux/audit.h>
LD_W_ABS, JEQ, JGE, JSET, RET = 0x20, 0x15, 0x35, 0x45, 0x06
ALLOW, KILL_PROCESS = 0x7fff0000, 0x80000000
ERRNO = 0x00050000
EPERM, ENOSYS = 1, 38
OFF_NR, OFF_ARCH, OFF_ARG0 = 0, 4, 16   # struct seccomp_data (little end.)
CLONE_NEW = 0x7E020000   # NEWNS|NEWCGROUP|NEWUTS|NEWIPC|NEWUSER|NEWPID|NEWNET

# name: (x86_64, aarch64)
SYSCALLS = {
    'clone': (56, 220), 'clone3': (435, 435), 'unshare': (272, 97),
    'setns': (308, 268), 'mount': (165, 40), 'umount2': (166, 39),
    'pivot_root': (155, 41), 'chroot': (161, 51),
    'open_by_handle_at': (304, 265), 'name_to_handle_at': (303, 264),
    'open_tree': (428, 428), 'move_mount': (429, 429), 'fsopen': (430, 430),
    'fsconfig': (431, 431), 'fsmount': (432, 432), 'fspick': (433, 433),
    'mount_setattr': (442, 442), 'keyctl': (250, 219),
    'add_key': (248, 217), 'request_key': (249, 218), 'bpf': (321, 280),
    'perf_event_open': (298, 241), 'userfaultfd': (323, 282),
    'io_uring_setup': (425, 425), 'io_uring_enter': (426, 426),
    'io_uring_register': (427, 427), 'init_module': (175, 105),
    'finit_module': (313, 273), 'delete_module': (176, 106),
    'kexec_load': (246, 104), 'kexec_file_load': (320, 294),
    'reboot': (169, 142), 'swapon': (167, 224), 'swapoff': (168, 225),
    'acct': (163, 89), 'syslog': (103, 116), 'quotactl': (179, 60),
}
REFUSED = [name for name in SYSCALLS if name not in ('clone', 'clone3')]
ARCHES = {'x86_64': (0, 0xC000003E), 'aarch64': (1, 0xC00000B7)}


def _assemble(ops):
    """[(code, jt, jf, k) | ('label', name)] -> bytes; jt/jf may be
    label names (forward jumps only)."""
    labels, flat = {}, []
    for op in ops:
        if op[0] == 'label':
            labels[op[1]] = len(flat)
        else:
            flat.append(op)
    out = b''
    for i, (code, jt, jf, k) in enumerate(flat):
        jt = labels[jt] - i - 1 if isinstance(jt, str) else jt
        jf = labels[jf] - i - 1 if isinstance(jf, str) else jf
        out += struct.pack('=HBBI', code, jt, jf, k)
    return out


def program(machine=None):
    """The filter for this machine's architecture, as bytes (or None)."""
    machine = machine or platform.machine()
    if machine not in ARCHES:
        return None
    column, audit_arch = ARCHES[machine]
    ops = [(LD_W_ABS, 0, 0, OFF_ARCH),
           (JEQ, 1, 0, audit_arch),
           (RET, 0, 0, KILL_PROCESS),
           (LD_W_ABS, 0, 0, OFF_NR)]
    if machine == 'x86_64':           # the x32 ABI: same arch, other numbers
        ops.append((JGE, 'kill', 0, 0x40000000))
    ops.append((JEQ, 'enosys', 0, SYSCALLS['clone3'][column]))
    ops.append((JEQ, 'clone', 0, SYSCALLS['clone'][column]))
    ops += [(JEQ, 'eperm', 0, SYSCALLS[name][column]) for name in REFUSED]
    ops += [(RET, 0, 0, ALLOW),
            ('label', 'clone'), (LD_W_ABS, 0, 0, OFF_ARG0),
            (JSET, 'eperm', 0, CLONE_NEW), (RET, 0, 0, ALLOW),
            ('label', 'eperm'), (RET, 0, 0, ERRNO | EPERM),
            ('label', 'enosys'), (RET, 0, 0, ERRNO | ENOSYS),
            ('label', 'kill'), (RET, 0, 0, KILL_PROCESS)]
    return _assemble(ops)


def memfd():
    """A file descriptor holding the filter for ``bwrap --seccomp`` (the
    caller closes it once the child started), or None."""
    code = program()
    if code is None or not hasattr(os, 'memfd_create'):
        return None
    fd = os.memfd_create('dls-seccomp')
    os.write(fd, code)
    os.lseek(fd, 0, os.SEEK_SET)
    return fd
