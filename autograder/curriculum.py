"""Which assignments exist, where their master notebooks live, and their
hidden checks and mutants.

Add an assignment by adding one :class:`Assignment` line here, a master
notebook, ``hidden/<module>.py`` and ``mutants/<module>.py``.
"""
import importlib
import os
from dataclasses import dataclass

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


@dataclass(frozen=True)
class Assignment:
    id: str          # the spec's id, also the nbgrader assignment name
    folder: str      # relative to the repository root
    notebook: str    # master notebook file name
    module: str      # name of the hidden/ and mutants/ modules
    call_s: float = 10.0   # time limit of one call of a learner function
    # One sandbox process for all functions of a notebook (restarted after a
    # crash) instead of one each: for TensorFlow notebooks, whose import
    # takes seconds. Functions still get fresh namespaces.
    shared_sandbox: bool = False
    memory_gb: float = 4.0  # address-space limit of a sandbox process

    @property
    def master(self):
        return os.path.join(REPO, self.folder, self.notebook)

    @property
    def notebook_id(self):
        return os.path.splitext(self.notebook)[0]

    @property
    def hidden(self):
        return importlib.import_module(f'autograder.hidden.{self.module}')

    @property
    def mutants(self):
        return importlib.import_module(f'autograder.mutants.{self.module}')


ASSIGNMENTS = {a.id: a for a in [
    Assignment('C1_W2A1', 'course1/W2A1_python_basics',
               'Python_Basics_with_Numpy.ipynb', 'c1_w2a1'),
    Assignment('C1_W2A2', 'course1/W2A2_logistic_regression',
               'Logistic_Regression_with_a_Neural_Network_mindset.ipynb',
               'c1_w2a2'),
    Assignment('C1_W3A1', 'course1/W3A1_planar_data', 'Planar_data_classification_with_one_hidden_layer.ipynb', 'c1_w3a1'),
    Assignment('C1_W4A1', 'course1/W4A1_deep_nn_step_by_step', 'Building_your_Deep_Neural_Network_Step_by_Step.ipynb', 'c1_w4a1'),
    Assignment('C1_W4A2', 'course1/W4A2_deep_nn_application', 'Deep_Neural_Network_Application.ipynb', 'c1_w4a2'),
    Assignment('C2_W1A1', 'course2/W1A1_initialization', 'Initialization.ipynb', 'c2_w1a1'),
    Assignment('C2_W1A2', 'course2/W1A2_regularization', 'Regularization.ipynb', 'c2_w1a2'),
    Assignment('C2_W1A3', 'course2/W1A3_gradient_checking', 'Gradient_Checking.ipynb', 'c2_w1a3'),
    Assignment('C2_W2A1', 'course2/W2A1_optimization_methods', 'Optimization_methods.ipynb', 'c2_w2a1'),
    Assignment('C2_W3A1', 'course2/W3A1_tensorflow_introduction', 'Tensorflow_introduction.ipynb', 'c2_w3a1', shared_sandbox=True, memory_gb=16),
    Assignment('C4_W1A1', 'course4/W1A1_convnet_step_by_step', 'Convolution_model_Step_by_Step.ipynb', 'c4_w1a1'),
    Assignment('C4_W1A2', 'course4/W1A2_convnet_application', 'Convolution_model_Application.ipynb', 'c4_w1a2', shared_sandbox=True, memory_gb=16, call_s=30),
    Assignment('C4_W2A1', 'course4/W2A1_residual_networks', 'Residual_Networks.ipynb', 'c4_w2a1', shared_sandbox=True, memory_gb=16, call_s=60),
    Assignment('C4_W2A2', 'course4/W2A2_transfer_learning', 'Transfer_learning_with_MobileNet_v1.ipynb', 'c4_w2a2', shared_sandbox=True, memory_gb=16, call_s=60),
    Assignment('C4_W4A1', 'course4/W4A1_face_recognition', 'Face_Recognition.ipynb', 'c4_w4a1', shared_sandbox=True, memory_gb=16, call_s=30),
    Assignment('C4_W3A1', 'course4/W3A1_car_detection_yolo', 'Autonomous_driving_application_Car_detection.ipynb', 'c4_w3a1', shared_sandbox=True, memory_gb=16, call_s=30),
    Assignment('C4_W3A2', 'course4/W3A2_image_segmentation_unet', 'Image_segmentation_Unet_v2.ipynb', 'c4_w3a2', shared_sandbox=True, memory_gb=16, call_s=60),
    Assignment('C4_W4A2', 'course4/W4A2_neural_style_transfer', 'Art_Generation_with_Neural_Style_Transfer.ipynb', 'c4_w4a2', shared_sandbox=True, memory_gb=16, call_s=60),
    Assignment('C5_W1A1', 'course5/W1A1_rnn_step_by_step', 'Building_a_Recurrent_Neural_Network_Step_by_Step.ipynb', 'c5_w1a1'),
    Assignment('C5_W1A2', 'course5/W1A2_dinosaur_island', 'Dinosaurus_Island_Character_level_language_model.ipynb', 'c5_w1a2'),
    Assignment('C5_W1A3', 'course5/W1A3_jazz_solo', 'Improvise_a_Jazz_Solo_with_an_LSTM_Network.ipynb', 'c5_w1a3', shared_sandbox=True, memory_gb=16, call_s=60),
    Assignment('C5_W2A1', 'course5/W2A1_word_vectors', 'Operations_on_word_vectors.ipynb', 'c5_w2a1'),
    Assignment('C5_W2A2', 'course5/W2A2_emojify', 'Emoji.ipynb', 'c5_w2a2', shared_sandbox=True, memory_gb=16, call_s=30),
]}


# Graded like assignments, never released: they prove a grading path.
DEMOS = {a.id: a for a in [
    Assignment('KERAS_DEMO', 'autograder/demo', 'Keras_Grading_Demo.ipynb',
               'keras_demo', shared_sandbox=True, memory_gb=16, call_s=30),
]}


def get(assignment_id):
    try:
        return ASSIGNMENTS.get(assignment_id) or DEMOS[assignment_id]
    except KeyError:
        known = ', '.join(ASSIGNMENTS)
        raise KeyError(f'unknown assignment {assignment_id!r}; known: '
                       f'{known}') from None


def find(notebook_name):
    """The assignment whose master notebook has this file or id name."""
    stem = os.path.splitext(os.path.basename(notebook_name))[0]
    for assignment in ASSIGNMENTS.values():
        if assignment.notebook_id == stem:
            return assignment
    raise KeyError(f'no assignment has a notebook called {stem!r}')
