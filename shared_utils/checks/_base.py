"""The small toolkit every public-check module uses."""
import numpy as np

GREEN, RED, RESET = '\033[92m', '\033[91m', '\033[0m'


class CheckFailed(AssertionError):
    """A public check failed; shown as one red message, not a traceback."""

    def _render_traceback_(self):
        # IPython calls this instead of printing the check's source lines.
        return [f'{RED}✗ {self}{RESET}']


class _NotWritten(Exception):
    """An optional exercise the learner has not written (yet)."""


class check:
    """Collect expectations for one function; print one line at the end.

    Use as a context manager::

        with check('sigmoid') as c:
            out = c.call(sigmoid, np.array([0.0]))
            c.close(out, [0.5], 'sigmoid(0)')

    With ``optional=True`` (an ungraded exercise) a function still raising
    NotImplementedError gets a note, not a failure, so that "Run All" goes
    on past a skipped exercise.
    """

    def __init__(self, name, optional=False):
        self.name = name
        self.optional = optional

    def __enter__(self):
        return self

    def __exit__(self, kind, value, tb):
        if kind is None:
            print(f'{GREEN}✓ {self.name}: all public checks passed.{RESET}')
        elif kind is _NotWritten:
            print(f'– {self.name}: optional and not written yet; write it '
                  'to check it and to see the cells that use it.')
            return True
        return False

    def fail(self, message):
        raise CheckFailed(f'{self.name}: {message}') from None

    def call(self, fn, *args, **kwargs):
        """Call the learner's function, turning a crash into one message."""
        try:
            return fn(*args, **kwargs)
        except NotImplementedError:
            if self.optional:
                raise _NotWritten() from None
            self.fail('not implemented yet — replace the '
                      '`raise NotImplementedError` line with your code.')
        except Exception as err:  # the learner's bug, reported in one line
            self.fail(f'raised {type(err).__name__}: {err}')

    def true(self, condition, message):
        if not condition:
            self.fail(message)

    def type(self, value, types, what):
        if not isinstance(value, types):
            names = (types.__name__ if isinstance(types, type)
                     else ' or '.join(t.__name__ for t in types))
            self.fail(f'{what} should be {names}, got {type(value).__name__}.')

    def shape(self, value, shape, what, hint=''):
        got = np.shape(value)
        if got != tuple(shape):
            extra = f' — {hint}' if hint else ''
            self.fail(f'{what} has shape {got}, expected '
                      f'{tuple(shape)}{extra}.')

    def close(self, value, expected, what, hint='', rtol=1e-6, atol=1e-8):
        value = np.asarray(value, dtype=float)
        expected = np.asarray(expected, dtype=float)
        if value.shape != expected.shape:
            self.shape(value, expected.shape, what, hint)
        if not np.allclose(value, expected, rtol=rtol, atol=atol):
            extra = f' — {hint}' if hint else ''
            self.fail(f'{what} is wrong: expected {_short(expected)}, '
                      f'got {_short(value)}{extra}.')


def _short(a):
    return np.array2string(np.asarray(a), precision=6, threshold=8,
                           separator=', ').replace('\n', '')
