"""How long grading a Keras model-building function takes (2 cores).

Prints, for the demo's `tiny_convnet` and for a ResNet-50-sized builder
(23.6 M parameters, the course layout via keras.applications with no
weights): the time to build the learner's model in a sandbox and send its
summary back, to compare architectures, to copy our weights in and to run
both on hidden inputs; cold (a new sandbox: TensorFlow is imported) and
warm (the shared sandbox of a TF notebook).

Run: .venv/bin/python benchmarks/keras_grading.py
"""
import os
import sys
import time

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(
    __file__))))

from autograder import grade, keras_checks  # noqa: E402
from autograder.runners import ReferenceRunner, SandboxRunner  # noqa: E402
from autograder.sandbox import Limits, Sandbox  # noqa: E402

PRELUDE = 'import keras\nimport tensorflow as tf\nfrom keras import layers'
RESNET = '''
def ResNet50(input_shape=(64, 64, 3), classes=6):
    return keras.applications.ResNet50(weights=None, input_shape=input_shape,
                                       classes=classes)
'''


def grade_once(box, name, source, ns, args, x):
    """The steps of Trial.model, timed."""
    timings = {}
    start = time.perf_counter()
    reply = box.load(name, PRELUDE, [], source)
    assert reply['ok'], reply
    learner = SandboxRunner(box).call(args, {}).value
    timings['build + summary'] = time.perf_counter() - start
    ours = ReferenceRunner(ns[name] if ns else _compiled(source, name))
    expected = ours.call(args, {}).value
    start = time.perf_counter()
    _, ref_sum = ours.run_model(expected.handle, [x], {'training': False})
    _, got_sum = SandboxRunner(box).run_model(learner.handle, [x],
                                              {'training': False})
    assert keras_checks.first_difference(got_sum, ref_sum) == ''
    mapping, _ = keras_checks.match_groups(got_sum['groups'],
                                           ref_sum['groups'])
    timings['compare architecture'] = time.perf_counter() - start
    start = time.perf_counter()
    weights = ours.weights(expected.handle)
    got, _ = SandboxRunner(box).run_model(
        learner.handle, [x], {'training': False},
        [weights[j] for j in mapping])
    want, _ = ours.run_model(expected.handle, [x], {'training': False})
    assert np.allclose(got, want, rtol=1e-4, atol=1e-5)
    timings['copy weights + outputs'] = time.perf_counter() - start
    return timings


def _compiled(source, name):
    ns = {}
    exec(PRELUDE + '\n' + source, ns)
    return ns[name]


def main():
    demo = grade.reference('KERAS_DEMO')
    rng = np.random.default_rng(0)
    cases = [
        ('tiny_convnet', demo.sources['tiny_convnet'], demo.ns,
         ((12, 12, 3),), rng.normal(size=(3, 12, 12, 3)).astype('float32')),
        ('ResNet50', RESNET, None, ((64, 64, 3), 6),
         rng.normal(size=(2, 64, 64, 3)).astype('float32')),
    ]
    limits = Limits(load_s=120, call_s=120, memory=16 * 2 ** 30)
    for name, source, ns, args, x in cases:
        box = Sandbox(limits)
        try:
            for mode in ('cold', 'warm'):
                start = time.perf_counter()
                timings = grade_once(box, name, source, ns, args, x)
                total = time.perf_counter() - start
                parts = ', '.join(f'{k} {v:.2f} s' for k, v in
                                  timings.items())
                print(f'{name:13s} {mode}: {total:5.2f} s  ({parts})',
                      flush=True)
        finally:
            box.close()


if __name__ == '__main__':
    main()
