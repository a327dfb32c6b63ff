"""Realistic bugs of C4_W3A2 (Image Segmentation with U-Net), as edits of
the master's graded cells."""
from ..checking import Mutants

mutants = Mutants(__name__)
edit = mutants.edit

_POOL = ('    if max_pooling:\n'
         '        next_layer = MaxPooling2D(pool_size=(2, 2))(conv)\n'
         '    else:\n'
         '        next_layer = conv\n')
_DROP = ('    if dropout_prob > 0:\n'
         '        conv = Dropout(dropout_prob)(conv)\n')

# --------------------------------------------------------------- conv_block
edit('conv_block', 'max_pooling is ignored: with max_pooling=False the '
     'next layer is the skip connection itself, without MaxPooling2D',
     {_POOL: '    next_layer = MaxPooling2D(pool_size=(2, 2))(conv)\n'},
     public=True)
edit('conv_block', 'dropout_prob is ignored: add Dropout(dropout_prob) '
     'after the two convolutions when dropout_prob > 0', {_DROP: ''})
edit('conv_block', 'the Dropout rate must be dropout_prob, not a fixed '
     'number', {'Dropout(dropout_prob)': 'Dropout(0.3)'})
edit('conv_block', "the convolutions need padding='same', or each one "
     'shrinks the picture and the skip connections no longer fit',
     {"padding='same'": "padding='valid'"}, every=True)
edit('conv_block', 'the skip connection is taken before max pooling '
     '(the output of the convolutions), not after it',
     {'    skip_connection = conv\n': '    skip_connection = next_layer\n'})
edit('conv_block', 'the block has two 3x3 convolutions; the second one '
     'is missing', {
         "    conv = Conv2D(n_filters, 3, activation='relu', padding='same',"
         "\n                  kernel_initializer='he_normal')(conv)\n": ''})
edit('conv_block', "the convolutions start from kernel_initializer="
     "'he_normal'", {"kernel_initializer='he_normal'":
                     "kernel_initializer='glorot_uniform'"}, every=True)

# --------------------------------------------------------- upsampling_block
edit('upsampling_block', 'the skip connection is missing: concatenate the '
     'upsampled tensor with contractive_input before the convolutions',
     {'    merge = concatenate([up, contractive_input], axis=3)\n':
      '    merge = up\n'}, public=True)
edit('upsampling_block', 'concatenate the upsampled tensor (the '
     'Conv2DTranspose output), not expansive_input, with the skip '
     'connection', {'concatenate([up, contractive_input]':
                    'concatenate([expansive_input, contractive_input]'})
edit('upsampling_block', 'the transposed convolution must double height '
     'and width: strides=(2, 2)', {'strides=(2, 2)': 'strides=(1, 1)'})
edit('upsampling_block', 'the upsampled tensor comes first in the '
     'concatenation: concatenate([up, contractive_input], axis=3)',
     {'concatenate([up, contractive_input], axis=3)':
      'concatenate([contractive_input, up], axis=3)'})
edit('upsampling_block', "the two convolutions need padding='same'",
     {"activation='relu', padding='same'":
      "activation='relu', padding='valid'"}, every=True)
edit('upsampling_block', 'the convolutions after the concatenation use a '
     "ReLU (activation='relu')", {"activation='relu', ": ''}, every=True)

# --------------------------------------------------------------- unet_model
edit('unet_model', 'the last layer gives scores (logits) without '
     'activation; the loss applies the softmax',
     {"conv10 = Conv2D(n_classes, 1, padding='same')(conv9)":
      "conv10 = Conv2D(n_classes, 1, padding='same', "
      "activation='softmax')(conv9)"}, public=True)
edit('unet_model', 'the filters double at every level: the bottleneck '
     '(block 5) has n_filters * 16',
     {'cblock5 = conv_block(cblock4[0], n_filters * 16':
      'cblock5 = conv_block(cblock4[0], n_filters * 8'})
edit('unet_model', 'the expanding blocks halve the filters on the way up: '
     '8n, 4n, 2n, then n', {
         'ublock6 = upsampling_block(cblock5[0], cblock4[1], n_filters * 8)':
         'ublock6 = upsampling_block(cblock5[0], cblock4[1], n_filters)',
         'ublock9 = upsampling_block(ublock8, cblock1[1], n_filters)':
         'ublock9 = upsampling_block(ublock8, cblock1[1], n_filters * 8)'})
edit('unet_model', 'block 4 uses dropout_prob=0.3',
     {'cblock4 = conv_block(cblock3[0], n_filters * 8, dropout_prob=0.3)':
      'cblock4 = conv_block(cblock3[0], n_filters * 8)'})
edit('unet_model', 'the bottleneck (block 5) does not pool: '
     'max_pooling=False', {'dropout_prob=0.3,\n'
                           '                         max_pooling=False)':
                           'dropout_prob=0.3)'})
edit('unet_model', 'the number of classes must come from n_classes',
     {'Conv2D(n_classes, 1,': 'Conv2D(23, 1,'})
edit('unet_model', 'the expanding blocks take the skip connection (the '
     'second element of a conv_block result), not the pooled next layer',
     {'cblock2[1]': 'cblock2[0]'})
edit('unet_model', 'a Conv2D(n_filters, 3) with ReLU comes before the '
     'final 1x1 convolution', {
         "    conv9 = Conv2D(n_filters, 3, activation='relu', "
         "padding='same',\n"
         "                   kernel_initializer='he_normal')(ublock9)\n": '',
         "padding='same')(conv9)": "padding='same')(ublock9)"})
