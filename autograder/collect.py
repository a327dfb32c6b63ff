"""Collect learners' submissions safely: nbgrader's exchange collect with
three guarantees.

1. **Links are never followed.** A symbolic link anywhere in a submission
   (the notebook, a folder, the submission folder itself) and a hard link (a
   file with more than one name) are skipped with a warning naming the
   learner and the file. Every file is opened with ``O_NOFOLLOW`` relative to
   its folder's descriptor, so nothing outside the submission is read, even
   when a learner swaps files while we copy.
2. **One learner never stops the others.** An oversized submission (a
   notebook over ``CourseDirectory.max_file_size``, more than ``max_files``
   entries, folders nested deeper than ``max_depth``, more than
   ``CourseDirectory.max_dir_size`` in all) or a malformed one (not a folder,
   no valid ``timestamp.txt`` or no
   ``submission_secret.txt``, a name that is not
   ``<student>+<assignment>+<timestamp>[+<random>]``, unreadable) is skipped
   with a message naming the learner; that learner's latest acceptable
   submission is taken instead, if there is one.
3. **Nobody submits as somebody else.** Where learners submit from their own
   OS accounts, the owner of a submission must map to the student id its
   name declares (``owner_map``; by default the login name is the id), or the
   submission is refused and cannot replace the other learner's. Submissions
   owned by the account running collect (single-user setups, tests, CI as
   root) keep their declared id; collect says so once.

``c.ExchangeFactory.collect = 'autograder.collect.SafeCollect'`` (written by
``autograder/course.py``) selects it for ``nbgrader collect``, the
formgrader's Collect button and ``NbGraderAPI.collect``. A parallel path can
reuse :meth:`SafeCollect.candidates` and :meth:`SafeCollect.collect_learner`,
or :func:`autograder.collect_copy.copy_submission` alone.
"""
import fnmatch
import os
import re
import stat
from dataclasses import dataclass

from nbgrader.api import Gradebook, MissingEntry
from nbgrader.exchange.default.collect import ExchangeCollect
from nbgrader.utils import check_mode, parse_utc
from traitlets import Dict, Integer

from .collect_copy import (DIR_FLAGS, FILE_FLAGS, Limits, Rejected,
                           copy_submission, login)

STUDENT_ID = re.compile(r'[^\s/\\*?\[\].][^\s/\\*?\[\]]*')


@dataclass(frozen=True)
class Record:
    """One inbound submission folder that passed the checks of its name."""
    student: str
    name: str
    timestamp: object        # naive UTC datetime, as nbgrader's parse_utc
    path: str
    owner: int               # uid of the submission folder


def parse_name(name, assignment):
    """Split an inbound folder name into (student id, timestamp text).

    Returns None when the name belongs to another assignment; raises
    Rejected when it is not a name that ``nbgrader submit`` writes.
    """
    if f'+{assignment}+' not in name:
        return None
    for parts in (name.rsplit('+', 3), name.rsplit('+', 2)):
        if len(parts) in (3, 4) and parts[1] == assignment:
            student, stamp = parts[0], parts[2]
            break
    else:
        raise Rejected('its name is not <learner>+<assignment>+<timestamp>'
                       '+<random>, as nbgrader submit writes it')
    if not STUDENT_ID.fullmatch(student):
        raise Rejected(f'{student!r} is not a valid learner id (no spaces, '
                       'slashes or wildcards, no leading dot)')
    return student, stamp


def _time(text, what):
    try:
        return parse_utc(text)
    except Exception:  # dateutil raises ValueError, OverflowError, ...
        raise Rejected(f'{what} {text[:60]!r} is not a timestamp') from None


def _small_file(fd, name, most):
    """The text of `name`, a short regular file in the folder `fd`; no
    link is followed."""
    try:
        ffd = os.open(name, FILE_FLAGS, dir_fd=fd)
    except OSError as err:
        raise Rejected(f'its {name} is missing or a link ({err.strerror}); '
                       'nbgrader submit writes one') from None
    try:
        st = os.fstat(ffd)
        if not stat.S_ISREG(st.st_mode) or st.st_size > most:
            raise Rejected(f'its {name} is not a short text file')
        return os.read(ffd, most).decode('utf-8', 'replace').strip()
    finally:
        os.close(ffd)


def check_folder(path, name, student, stamp):
    """Check an inbound folder before its files are read; return a Record."""
    st = os.lstat(path)
    if stat.S_ISLNK(st.st_mode):
        raise Rejected('it is a symbolic link, not a folder made by nbgrader '
                       'submit; links are never followed')
    if not stat.S_ISDIR(st.st_mode):
        raise Rejected('it is not a folder, so nbgrader submit did not '
                       'make it')
    when = _time(stamp, 'the timestamp in its name')
    fd = os.open(path, DIR_FLAGS)
    try:
        owner = os.fstat(fd).st_uid
        text = _small_file(fd, 'timestamp.txt', 200)
        _small_file(fd, 'submission_secret.txt', 4096)   # feedback needs it
    finally:
        os.close(fd)
    if _time(text, 'its timestamp.txt holds') != when:
        raise Rejected(f'its timestamp.txt says {text!r} but its name says '
                       f'{stamp!r}: the folder was not made by nbgrader '
                       'submit')
    return Record(student, name, when, path, owner)


class SafeCollect(ExchangeCollect):
    """``nbgrader collect`` that follows no link, skips a broken submission
    with a message instead of failing, and refuses a submission whose owner
    is not the learner it names (see the module docstring)."""

    max_files = Integer(
        1000, help='Most files and folders in one submission; a larger one '
        'is skipped with a message.').tag(config=True)
    max_depth = Integer(
        10, help='Deepest nesting of folders in one submission; a deeper '
        'one is skipped with a message.').tag(config=True)
    owner_map = Dict(
        help="OS login name -> student id, for learners whose id is not "
        "their login name (e.g. {'jdoe2': 'jane'}).").tag(config=True)

    def limits(self):
        cd = self.coursedir
        return Limits(1000 * cd.max_file_size, 1000 * cd.max_dir_size,
                      self.max_files, self.max_depth,
                      tuple(cd.ignore), tuple(cd.include))

    def init_src(self):
        if self.coursedir.course_id == '':
            self.fail('No course id specified. Re-run with --course flag.')
        self.course_path = os.path.join(self.root, self.coursedir.course_id)
        self.inbound_path = os.path.join(self.course_path, 'inbound')
        if not os.path.isdir(self.inbound_path):
            self.fail(f'Course not found: {self.inbound_path}')
        if not check_mode(self.inbound_path, read=True, execute=True):
            self.fail('You don\'t have read permissions for the directory: '
                      f'{self.inbound_path}')
        with Gradebook(self.coursedir.db_url, self.coursedir.course_id) as gb:
            try:
                self.duedate = gb.find_assignment(
                    self.coursedir.assignment_id).duedate
            except MissingEntry:
                self.duedate = None
        self.plan = self.candidates()
        self.src_records = [{'username': s, 'filename': r[0].name,
                             'timestamp': r[0].timestamp}
                            for s, r in self.plan.items()]

    def candidates(self):
        """{student id: [Record, ...]} for this assignment, each list in the
        order of preference (stock nbgrader's rule first). Submissions that
        are malformed or not owned by the learner they name are left out,
        each with a warning."""
        wanted = self.coursedir.student_id or '*'
        found, own = {}, 0
        for name in sorted(os.listdir(self.inbound_path)):
            path = os.path.join(self.inbound_path, name)
            try:
                parsed = parse_name(name, self.coursedir.assignment_id)
                if not parsed or not fnmatch.fnmatchcase(parsed[0], wanted):
                    continue
                record = check_folder(path, name, *parsed)
                own += self.check_identity(record)
            except (Rejected, OSError) as err:
                who = name.split('+', 1)[0]
                self.log.warning(f'Skipped submission {name!r} (learner '
                                 f'{who!r}): {err}. The other learners are '
                                 'collected.')
                continue
            found.setdefault(record.student, []).append(record)
        if own:
            self.log.info(
                f'{own} submission(s) belong to {login(os.geteuid())}, the '
                'account running collect (a single-user setup): collected '
                'under the learner id in their names. Where learners submit '
                'from their own OS accounts, the owner must match that id.')
        if not self.check_owner:
            self.log.info('ExchangeCollect.check_owner is False: submissions '
                          'are collected under the id in their names.')
        return {s: self.order(r) for s, r in sorted(found.items())}

    def check_identity(self, record):
        """Raise Rejected when the record's owner is not the learner it
        names; return 1 when the collecting account owns it, else 0."""
        if not self.check_owner:
            return 0
        if record.owner == os.geteuid():
            return 1
        name = login(record.owner)
        student = self.owner_map.get(name, name)
        if student != record.student:
            raise Rejected(
                f'it names learner {record.student!r} but belongs to the OS '
                f'account {name!r} (learner {student!r}); a learner can only '
                f'submit as themself, so it is refused and the submissions '
                f'of {record.student!r} are kept. If the '
                'mapping is wrong, set c.SafeCollect.owner_map = {login: '
                'student id}; if learners share one OS account, set '
                'c.ExchangeCollect.check_owner = False')
        return 0

    def order(self, records):
        """Latest first; with --before-duedate, those on time first."""
        records = sorted(records, key=lambda r: r.timestamp, reverse=True)
        if self.before_duedate and self.duedate is not None:
            on_time = [r for r in records if r.timestamp <= self.duedate]
            records = on_time + [r for r in records if r not in on_time]
        return records

    def copy_files(self):
        assignment = self.coursedir.assignment_id
        course = self.coursedir.course_id
        if not self.plan:
            self.log.warning(f"No submissions of '{assignment}' for course "
                             f"'{course}' to collect")
        else:
            self.log.info(f"Processing {len(self.plan)} submissions of "
                          f"'{assignment}' for course '{course}'")
        self.outcomes = {}
        for student, records in self.plan.items():
            try:
                self.outcomes[student] = self.collect_learner(student, records)
            except Exception as err:  # one learner never stops the others
                self.outcomes[student] = 'failed'
                self.log.error(f'Could not collect {student} {assignment}: '
                               f'{type(err).__name__}: {err}. The other '
                               'learners are collected.')

    def collect_learner(self, student, records):
        """Collect the first acceptable record of `student`; return
        'collected', 'updated', 'unchanged' or 'skipped'."""
        cd, assignment = self.coursedir, self.coursedir.assignment_id
        dest = cd.format_path(cd.submitted_directory, student, assignment)
        for i, record in enumerate(records):
            updating = os.path.isdir(dest)
            if updating:
                existing = cd.get_existing_timestamp(dest)
                newer = existing is None or record.timestamp > existing
                if not ((self.update and newer) or (
                        self.before_duedate and existing != record.timestamp)):
                    self.log.info(
                        'No newer submission to collect: '
                        f'{student} {assignment}'
                        if self.update else 'Submission already exists, use '
                        f'--update to update: {student} {assignment}')
                    return 'unchanged'
            try:
                notes = copy_submission(record.path, dest, record.owner,
                                        self.limits(), replace=updating)
            except Rejected as err:
                then = ('their previous submission is tried instead'
                        if i + 1 < len(records) else 'nothing is collected '
                        'for them; the other learners are collected')
                self.log.warning(f'Skipped submission {record.name!r} of '
                                 f'{student}: {err}; {then}.')
                continue
            for note in notes:
                self.log.warning(f'{student} {assignment}: {note} (in '
                                 f'{record.name!r}).')
            if cd.groupshared:
                _groupshare(dest)
            self.log.info(f"{'Updating' if updating else 'Collecting'} "
                          f'submission: {student} {assignment}')
            return 'updated' if updating else 'collected'
        return 'skipped'


def _groupshare(dest):
    """Folders ug+rwx and setgid, files ug+rw, as nbgrader's do_copy."""
    for folder, _dirs, files in os.walk(dest):
        os.chmod(folder, (os.stat(folder).st_mode | 0o2770) & 0o2777)
        for name in files:
            path = os.path.join(folder, name)
            os.chmod(path, (os.stat(path).st_mode | 0o660) & 0o777)
