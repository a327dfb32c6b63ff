"""The sandbox: limits, guard, wire format, tensors, namespaces."""
import numpy as np
import pytest

from autograder import sandbox_child as wire
from autograder.sandbox import Limits, Sandbox, SandboxError


@pytest.fixture
def box():
    b = Sandbox(Limits(call_s=3))
    yield b
    b.close()


def load(box, cell, name='f', prelude='import numpy as np', protect=()):
    return box.load(name, prelude, [], cell, protect=protect)


def test_values_keep_their_exact_types():
    value = {'a': np.arange(6, dtype=np.float32).reshape(2, 3),
             'b': (1, 2.5, True, None, 'x'), 'c': np.float64(3.0),
             'd': [np.int64(4)]}
    back = wire.decode(wire.encode(value))
    assert back['a'].dtype == np.float32 and back['a'].shape == (2, 3)
    assert back['b'] == (1, 2.5, True, None, 'x')
    assert type(back['c']) is np.float64 and type(back['d'][0]) is np.int64


def test_objects_come_back_opaque_not_pickled():
    back = wire.decode(wire.encode(object()))
    assert isinstance(back, wire.Opaque) and back.type_name == 'object'
    with pytest.raises(ValueError):
        wire.decode({'t': 'nd', 'dtype': '|O', 'shape': [1], 'b64': ''})


def test_call_returns_value_arguments_after_and_type(box):
    reply = load(box, 'def f(x):\n    x[0] = 9\n    return x.sum()\n')
    assert reply['ok'] and reply['callable']
    value, after, kind = box.call((np.zeros(3),))[:3]
    assert value == 9 and after[0][0] == 9 and kind == 'float64'


def test_infinite_loop_times_out_and_later_calls_fail_fast(box):
    load(box, 'def f():\n    while True:\n        pass\n')
    with pytest.raises(SandboxError) as first:
        box.call()
    assert first.value.info['type'] == 'Timeout'
    with pytest.raises(SandboxError):
        box.call()


def test_os_exit_is_reported_as_an_exit(box):
    load(box, 'import os\ndef f():\n    os._exit(3)\n')
    with pytest.raises(SandboxError) as err:
        box.call()
    assert err.value.info['type'] == 'Exit' and 'code 3' in str(err.value)


def test_memory_limit_gives_memory_error():
    b = Sandbox(Limits(memory=1 * 2 ** 30))
    try:
        load(b, 'def f():\n    return np.ones((2 ** 31,)).sum()\n')
        with pytest.raises(SandboxError) as err:
            b.call()
        assert err.value.info['type'] == 'MemoryError'
    finally:
        b.close()


def test_writing_outside_the_scratch_folder_is_blocked(box, tmp_path):
    target = tmp_path / 'x.txt'
    load(box, f'def f():\n    open({str(target)!r}, "w").write("x")\n')
    with pytest.raises(SandboxError) as err:
        box.call()
    assert err.value.info['type'] == 'PermissionError'
    assert not target.exists()


def test_reading_protected_files_and_subprocesses_are_blocked(box, tmp_path):
    secret = tmp_path / 'secret.txt'
    secret.write_text('answer')
    load(box, ('import subprocess\n'
               f'def f(kind):\n'
               f'    if kind == 0:\n'
               f'        return open({str(secret)!r}).read()\n'
               f'    return subprocess.run(["true"]).returncode\n'),
         protect=[str(tmp_path)])
    for kind in (0, 1):
        with pytest.raises(SandboxError) as err:
            box.call((kind,))
        assert err.value.info['type'] == 'PermissionError'


def test_printing_is_counted_not_sent(box):
    load(box, 'def f():\n    print("x" * 10_000_000)\n    return 1\n')
    assert box.call()[0] == 1
    assert box.printed >= 10_000_000 and len(box.printed_head) <= 2000


def test_each_load_gets_a_fresh_namespace(box):
    load(box, 'helper = 5\ndef f():\n    return helper\n')
    assert box.call()[0] == 5
    reply = load(box, 'def g():\n    return helper\n', name='g')
    assert reply['ok']
    with pytest.raises(SandboxError) as err:
        box.call()
    assert err.value.info['type'] == 'NameError'


@pytest.mark.slow
def test_tensors_go_in_as_constants_and_come_back_as_arrays():
    b = Sandbox(Limits(call_s=60, memory=16 * 2 ** 30))
    try:
        reply = b.load('f', 'import numpy as np\nimport tensorflow as tf', [],
                       'def f(x):\n    return tf.reduce_sum(x, axis=0)\n')
        assert reply['ok'], reply
        value, _after, kind, *_ = b.call((np.ones((2, 3), np.float32),),
                                     tensors=True)
        assert kind == 'EagerTensor'
        assert value.dtype == np.float32 and value.tolist() == [2, 2, 2]
    finally:
        b.close()
