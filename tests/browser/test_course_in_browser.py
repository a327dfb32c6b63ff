"""Two learners and an instructor use the course in headless Chromium.

Learners (own JupyterLab each, learner settings): open the Assignments tab,
fetch, open the notebook, run all cells, read the public checks, Validate,
submit, and later fetch and read their feedback. The instructor (formgrader
in their own JupyterLab): sees the release, collects, autogrades, generates
and releases feedback; grades are exported with plain ``nbgrader export``.
Screenshots of every step go to ``work/screenshots/browser/``.

Run alone with ``pytest -m browser``.
"""
import glob
import os
import shutil
import subprocess
import sys
import time

import pytest

from autograder import course, curriculum, loop

playwright = pytest.importorskip('playwright.sync_api')
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from servers import NO_CHROMIUM, Lab, chromium_path, launch  # noqa: E402

# the tests of this module are steps of one story: keep them in one
# process (make test uses pytest-xdist's --dist loadgroup: one worker per file)
pytestmark = [pytest.mark.browser, pytest.mark.slow,
              pytest.mark.skipif(
                  chromium_path() is None and not os.environ.get('CI'),
                  reason=NO_CHROMIUM)]
A = 'C1_W2A1'
NOTEBOOK = curriculum.get(A).notebook
SHOTS = os.path.join(curriculum.REPO, 'work', 'screenshots', 'browser')
BUG = 'softmax'          # max's realistic bug
expect = playwright.expect


@pytest.fixture(scope='module')
def world(tmp_path_factory):
    work = str(tmp_path_factory.mktemp('browser'))
    shutil.rmtree(SHOTS, ignore_errors=True)
    os.makedirs(SHOTS)
    paths = course.build(os.path.join(work, 'course'), [A])
    api = loop.instructor_api(paths['root'])
    loop._check(api.generate_assignment(A), 'generate')
    loop._check(api.release_assignment(A), 'release')
    homes = {s: course.learner(os.path.join(work, 'learners', s), s,
                               paths['exchange']) for s in ('lena', 'max')}
    labs = {s: Lab(h['home'], h['jupyter_config_dir'],
                   log=os.path.join(work, f'{s}.log'))
            for s, h in homes.items()}
    teacher_config = os.path.join(work, 'instructor-jupyter')
    os.makedirs(teacher_config)
    labs['instructor'] = Lab(paths['root'], teacher_config,
                             log=os.path.join(work, 'instructor.log'))
    with playwright.sync_playwright() as p:
        browser = launch(p)
        pages = {}
        for who in labs:
            # separate browser contexts: separate cookies and storage
            context = browser.new_context(
                viewport={'width': 1400, 'height': 900})
            pages[who] = context.new_page()
        yield {'paths': paths, 'homes': homes, 'labs': labs,
               'pages': pages, 'api': api}
        browser.close()
    for lab in labs.values():
        lab.stop()


def shot(page, name):
    page.screenshot(path=os.path.join(SHOTS, f'{name}.png'))


def open_assignments(page, lab):
    page.goto(lab.url('/lab?reset'))
    page.locator('.jp-LauncherCard').first.wait_for(timeout=90_000)
    page.locator('#jp-menu-panel div.lm-MenuBar-itemLabel:text("Nbgrader")'
                 ).click()
    menu = page.locator('#jp-mainmenu-nbgrader')
    items = menu.inner_text()
    page.locator('#jp-mainmenu-nbgrader li[data-command='
                 '"nbgrader:open-assignment-list"]').click()
    return items


@pytest.mark.parametrize('student', ['lena', 'max'])
def test_learner_fetches_runs_validates_and_submits(world, student):
    page, lab = world['pages'][student], world['labs'][student]
    menu = open_assignments(page, lab)
    assert 'Assignment List' in menu
    assert 'Formgrader' not in menu and 'Create Assignment' not in menu
    released = page.locator('#released_assignments_list > .list_item')
    expect(released).to_have_count(1, timeout=60_000)
    expect(released.first).to_contain_text(A)
    shot(page, f'{student}-1-assignment-list')
    released.first.locator('.item_status button').click()
    fetched = page.locator('#fetched_assignments_list > .list_item')
    expect(fetched).to_have_count(1, timeout=60_000)
    shot(page, f'{student}-2-fetched')

    # the learner's work, saved to disk as if typed in
    work = loop.perfect(A)
    if student == 'max':
        work[BUG] = curriculum.get(A).mutants.mutants.by_name[BUG][0].source
    home = world['homes'][student]['home']
    loop.fill(os.path.join(home, A, NOTEBOOK), work)

    page.goto(lab.url(f'/lab/tree/{A}/{NOTEBOOK}'))
    page.locator('.jp-Notebook .jp-Cell').first.wait_for(timeout=90_000)
    choose = page.locator('.jp-Dialog:has-text("Select Kernel") '
                          'button:has-text("Select")')
    try:
        choose.click(timeout=5_000)
    except playwright.Error:
        pass   # the kernel started by itself
    expect(page.locator('.jp-Notebook-ExecutionIndicator')
           ).to_have_attribute('data-status', 'idle', timeout=90_000)
    page.locator('#jp-menu-panel div.lm-MenuBar-itemLabel:text("Run")'
                 ).click()
    page.locator('.lm-Menu-itemLabel:text-is("Run All Cells")').click()
    passed = page.locator('.jp-OutputArea-output:has-text('
                          '"all public checks passed")')
    if student == 'lena':
        try:
            expect(passed).to_have_count(8, timeout=120_000)
        except AssertionError:
            shot(page, f'{student}-debug')
            raise
    else:
        failed = page.locator(f'.jp-OutputArea-output:has-text("✗ {BUG}:")')
        expect(failed).to_have_count(1, timeout=120_000)
        expect(failed).to_contain_text('likely cause')
        assert 'Traceback' not in failed.inner_text()
        failed.scroll_into_view_if_needed()
    shot(page, f'{student}-3-run-all')

    page.locator('jp-button.validate-button').click()
    dialog = page.locator('.nbgrader-SuccessDialog, .nbgrader-ErrorDialog')
    dialog.wait_for(timeout=180_000)
    shot(page, f'{student}-4-validate')
    if student == 'lena':
        assert 'nbgrader-SuccessDialog' in dialog.get_attribute('class')
    else:
        assert 'nbgrader-ErrorDialog' in dialog.get_attribute('class')
        expect(dialog).to_contain_text(f'checks.{BUG}({BUG})')
    dialog.locator('button.jp-Dialog-button').first.click()

    open_assignments(page, lab)
    fetched = page.locator('#fetched_assignments_list > .list_item')
    expect(fetched).to_have_count(1, timeout=60_000)
    fetched.first.locator('.item_status button:text("Submit")').click()
    submitted = page.locator('#submitted_assignments_list > .list_item')
    expect(submitted).to_have_count(1, timeout=60_000)
    shot(page, f'{student}-5-submitted')


def _dismiss_modal(page):
    ok = page.locator('.modal-footer button')
    ok.first.wait_for(timeout=180_000)
    text = page.locator('.modal-body').first.inner_text()
    ok.first.click()
    page.locator('.modal.in').first.wait_for(state='hidden', timeout=30_000)
    page.locator('.modal-backdrop').first.wait_for(state='detached',
                                                   timeout=30_000)
    return text


def _exchange_report(world, said):
    """What collect said and what lies in the exchange and the course, for
    a failure message."""
    lines = ['collect said:', said.strip()]
    for where in (world['paths']['exchange'], world['paths']['root']):
        for folder, dirs, files in os.walk(where):
            dirs[:] = [d for d in dirs if d not in ('source', 'release')]
            lines += [os.path.join(folder, f) for f in files]
    log = world['labs']['instructor'].log.name
    with open(log, errors='replace') as handle:
        lines += ['instructor server log (end):'] + handle.readlines()[-40:]
    return '\n'.join(line.rstrip() for line in lines)


def test_instructor_collects_autogrades_and_releases_feedback(world):
    page, lab = world['pages']['instructor'], world['labs']['instructor']
    menu = open_assignments(page, lab)
    assert 'Formgrader' in menu
    page.goto(lab.url('/formgrader/manage_assignments'))
    row = page.locator('#main-table tr', has_text=A)
    expect(row.locator('td.status')).to_have_text('released',
                                                  timeout=60_000)
    shot(page, 'instructor-1-assignments')
    row.locator('td.collect a').click()
    said = _dismiss_modal(page)
    assert 'Successfully collected' in said, said
    page.goto(lab.url('/formgrader/manage_assignments'))
    try:
        expect(page.locator('#main-table tr', has_text=A).locator(
            'td.num-submissions')).to_have_text('2', timeout=60_000)
    except AssertionError as err:
        raise AssertionError(f'{err}\n{_exchange_report(world, said)}')
    shot(page, 'instructor-2-collected')

    page.goto(lab.url(f'/formgrader/manage_submissions/{A}'))
    scores = {}
    for student in ('lena', 'max'):
        line = page.locator('#main-table tr', has_text=student)
        expect(line.locator('td.status')).to_contain_text(
            'needs autograding', timeout=60_000)
        line.locator('td.autograde a').click()
        _dismiss_modal(page)
        expect(line.locator('td.status')).not_to_contain_text(
            'needs autograding', timeout=60_000)
        scores[student] = line.locator('td.score').inner_text()
    shot(page, 'instructor-3-autograded')
    assert scores['lena'].startswith('80'), scores
    assert not scores['max'].startswith('80'), scores
    for action in ('generate-feedback', 'release-feedback'):
        for student in ('lena', 'max'):
            page.locator('#main-table tr', has_text=student).locator(
                f'td.{action} a').click()
            _dismiss_modal(page)
    shot(page, 'instructor-4-feedback-released')

    # grades out: formgrader has no export button, plain nbgrader does it
    root = world['paths']['root']
    done = subprocess.run([sys.executable, '-m', 'nbgrader', 'export'],
                          cwd=root, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    grades = open(os.path.join(root, 'grades.csv')).read()
    assert 'lena' in grades and 'max' in grades


@pytest.mark.parametrize('student', ['lena', 'max'])
def test_learner_fetches_and_reads_feedback(world, student):
    page, lab = world['pages'][student], world['labs'][student]
    open_assignments(page, lab)
    submitted = page.locator('#submitted_assignments_list > .list_item')
    try:
        expect(submitted).to_have_count(1, timeout=60_000)
    except AssertionError:      # a busy server: reload the list, as a
        open_assignments(page, lab)     # learner would, and wait longer
        expect(submitted).to_have_count(1, timeout=120_000)
    submitted.first.locator('button:text("Fetch Feedback")').click()
    home = world['homes'][student]['home']
    deadline = time.monotonic() + 60
    while not glob.glob(os.path.join(home, A, 'feedback', '*', '*.html')):
        assert time.monotonic() < deadline, 'no feedback fetched'
        time.sleep(0.5)
    html = glob.glob(os.path.join(home, A, 'feedback', '*', '*.html'))[0]
    relative = os.path.relpath(html, home)
    page.goto(lab.url('/files/' + relative))
    body = page.locator('body')
    expect(body).to_contain_text('hidden checks passed', timeout=30_000)
    text = body.inner_text()
    shot(page, f'{student}-6-feedback')
    if student == 'lena':
        assert text.count('10 / 10 points') == 8
    else:
        assert f'{BUG}:' in text and 'likely cause' in text
    for leak in ('t.close(', 'Registry', 'autograder/hidden', 'via=lambda'):
        assert leak not in text
