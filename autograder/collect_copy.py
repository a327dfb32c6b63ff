"""Copy one learner's submission folder without following any link, under
size limits: the file-level half of :mod:`autograder.collect`.

Every folder and file is opened with ``O_NOFOLLOW`` relative to its parent
folder's descriptor, so nothing outside the submission is read even when the
learner swaps a file for a link while we copy. Symbolic links, hard links
(files with more than one name), files that belong to someone other than the
submitter and special files (devices, pipes, sockets) are skipped with a
note; a submission over a limit raises :class:`Rejected`.
"""
import errno
import fnmatch
import os
import pwd
import shutil
import stat
import tempfile
from dataclasses import dataclass

DIR_FLAGS = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW
# O_NONBLOCK: a FIFO swapped in for a file never blocks the open
FILE_FLAGS = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK
CHUNK = 1 << 20


class Rejected(Exception):
    """A submission that cannot be collected; the message says why."""


@dataclass(frozen=True)
class Limits:
    """What one submission may hold (sizes in bytes)."""
    max_file_bytes: int      # a larger notebook rejects it, other files
                             # are skipped
    max_total_bytes: int
    max_files: int           # files and folders together
    max_depth: int           # folders inside folders
    exclude: tuple = ()      # names never copied (CourseDirectory.ignore)
    include: tuple = ('*',)  # file names copied (CourseDirectory.include)


def login(uid):
    """The login name of `uid`, or 'uid N' when it has none."""
    try:
        return pwd.getpwuid(uid).pw_name
    except KeyError:
        return f'uid {uid}'


def copy_submission(src, dest, owner, limits, replace=False):
    """Copy the submission folder `src` to `dest`, never following a link.

    The copy is made in a hidden folder beside `dest` and renamed into place
    only when complete, so a rejected submission leaves `dest` as it was.

    Inputs:
    - src: the inbound submission folder
    - dest: where it goes (``submitted/<student>/<assignment>``)
    - owner: uid that every copied file must belong to (the folder's owner)
    - limits: a :class:`Limits`
    - replace: remove an existing `dest` once the copy is complete

    Returns a list of notes, one per file skipped ("skipped 'a.ipynb': a
    symbolic link (to /etc/passwd); ..."). Raises Rejected when the
    submission as a whole cannot be collected.
    """
    parent = os.path.dirname(dest)
    os.makedirs(parent, exist_ok=True)
    stage = tempfile.mkdtemp(prefix='.collecting-', dir=parent)
    notes, count = [], {'entries': 0, 'bytes': 0}
    try:
        try:
            fd = os.open(src, DIR_FLAGS)
        except OSError as err:
            raise Rejected(f'it cannot be opened as a folder ({err.strerror})')
        try:
            if os.fstat(fd).st_uid != owner:
                raise Rejected('its folder changed owner while being '
                               'collected')
            _copy_dir(fd, stage, owner, limits, count, 0, '', notes)
        except OSError as err:
            raise Rejected(f'it cannot be read ({err.strerror}: '
                           f'{err.filename!r})') from None
        finally:
            os.close(fd)
        os.chmod(stage, 0o755)
        if replace and os.path.isdir(dest):
            shutil.rmtree(dest)
        os.rename(stage, dest)
    except BaseException:
        shutil.rmtree(stage, ignore_errors=True)
        raise
    return notes


def _copy_dir(dfd, dest, owner, limits, count, depth, rel, notes):
    names = []
    with os.scandir(dfd) as entries:
        for entry in entries:       # counted while listing: a folder with
            count['entries'] += 1   # millions of names stops early
            if count['entries'] > limits.max_files:
                raise Rejected(f'it holds more than {limits.max_files} files '
                               'and folders (limit: SafeCollect.max_files)')
            names.append(entry.name)
    for name in sorted(names):
        path = rel + name
        if any(fnmatch.fnmatch(name, g) for g in limits.exclude):
            continue
        mode = os.stat(name, dir_fd=dfd, follow_symlinks=False).st_mode
        if stat.S_ISLNK(mode):
            notes.append(f'skipped {path!r}: a symbolic link (to '
                         f'{os.readlink(name, dir_fd=dfd)!r}); links are '
                         'never followed')
        elif stat.S_ISDIR(mode):
            if depth + 1 > limits.max_depth:
                raise Rejected(f'{path!r} nests folders more than '
                               f'{limits.max_depth} deep (limit: '
                               'SafeCollect.max_depth)')
            sub = os.open(name, DIR_FLAGS, dir_fd=dfd)
            try:
                os.mkdir(os.path.join(dest, name))
                _copy_dir(sub, os.path.join(dest, name), owner, limits, count,
                          depth + 1, path + '/', notes)
            finally:
                os.close(sub)
        elif not stat.S_ISREG(mode):
            notes.append(f'skipped {path!r}: not a regular file (a device, '
                         'pipe or socket)')
        elif any(fnmatch.fnmatch(name, g) for g in limits.include):
            _copy_file(dfd, name, os.path.join(dest, name), path, owner,
                       limits, count, notes)


def _mb(size):
    return f'{size / 1e6:.1f} MB'


def _copy_file(dfd, name, target, path, owner, limits, count, notes):
    try:
        fd = os.open(name, FILE_FLAGS, dir_fd=dfd)
    except OSError as err:
        if err.errno != errno.ELOOP:
            raise
        notes.append(f'skipped {path!r}: a symbolic link; links are never '
                     'followed')
        return
    try:
        st = os.fstat(fd)
        why = None
        if not stat.S_ISREG(st.st_mode):
            why = 'not a regular file'
        elif st.st_nlink > 1:
            why = (f'a hard link ({st.st_nlink} names for one file); only '
                   'files the learner wrote are collected')
        elif st.st_uid != owner:
            why = (f'it belongs to {login(st.st_uid)}, not to '
                   f'{login(owner)} who submitted')
        elif st.st_size > limits.max_file_bytes:
            if name.endswith('.ipynb'):
                raise Rejected(
                    f'the notebook {path!r} is {_mb(st.st_size)}, over the '
                    f'limit of {_mb(limits.max_file_bytes)} '
                    '(CourseDirectory.max_file_size): ask the learner to '
                    'clear large outputs and submit again')
            why = (f'{_mb(st.st_size)}, over the limit of '
                   f'{_mb(limits.max_file_bytes)} per file')
        if why:
            notes.append(f'skipped {path!r}: {why}')
            return
        count['bytes'] += st.st_size
        if count['bytes'] > limits.max_total_bytes:
            raise Rejected(f'it holds more than {_mb(limits.max_total_bytes)}'
                           ' in all (CourseDirectory.max_dir_size)')
        with open(target, 'xb') as out:
            left = st.st_size           # what was checked, even if it grows
            while left > 0:
                chunk = os.read(fd, min(CHUNK, left))
                if not chunk:
                    break
                out.write(chunk)
                left -= len(chunk)
    finally:
        os.close(fd)
