"""The dinosaur names of C5_W1A2 (``shared_utils/datasets/dinos.txt``).

The committed file holds 1,536 names, one per line, capitalised, letters
only. Two sources (``dinos.PROVENANCE.md`` beside the file says more):

1. **Real prehistoric names** from Debian's ``wamerican-insane`` word list
   (SCOWL, ``/usr/share/dict/american-english-insane``): words that end
   like a fossil genus (-saurus, -saur, -odon, -therium, -ornis, -pteryx,
   -raptor, -ceratops, ...), minus the living animals, plants and ordinary
   words those endings also catch (``NOT_PREHISTORIC``).
2. **A seeded Greek/Latin root combiner** that fills up to ``TOTAL``:
   a first root (tyranno, stego, veloci, ...), sometimes a second one, and
   an ending (saurus, odon, raptor, ceratops, ...), joined as genus names
   are (``iguano + odon -> iguanodon``), never repeating a real name.

``load_text()`` reads the committed file and checks its SHA-256, so the
word list is never needed at run time; ``write(path)`` rebuilds it
(``python -m shared_utils.assets build dinos_txt --force``, with the
Debian package installed or its file named by ``$DINOS_WORDLIST``).
"""
import hashlib
import os
import random
import re
from pathlib import Path

PATH = Path(__file__).resolve().parent / 'datasets' / 'dinos.txt'
WORDLIST = '/usr/share/dict/american-english-insane'
SEED = 7
TOTAL = 1536
SHA256 = ('15f448decc81f075ec7d9e236d7ffd60'
          'b23f1f36c4770e439f57e0305194b376')  # of the committed file

# Endings of fossil genera; each word list entry that ends so is a candidate.
REAL_ENDINGS = ('saurus', 'saur', 'suchus', 'ceratops', 'raptor', 'pteryx',
                'therium', 'odon', 'ornis', 'mimus', 'onychus', 'titan',
                'stega')
# Whole words kept as they are (their endings catch too much).
REAL_WORDS = ('pterodactyl', 'pterodactylus', 'rhamphorhynchus')

# Candidates that are not prehistoric: living animals (lizards, snakes,
# fish, whales, birds, moths, mites, mammals), plants, and ordinary words.
NOT_PREHISTORIC = frozenset('''
    thesaurus thesaur balisaur alepisaurus callisaurus chlamydosaurus
    dipsosaurus halosaurus ophiosaurus ophisaurus urosaurus xenosaurus
    agkistrodon algodon ancistrodon anticodon carcharodon catodon chaetodon
    chiasmodon chilodon cynodon cynorrhodon decodon dicamptodon haplodon
    heliodon heterodon hyperoodon hypsiprymnodon lagodon leontodon loxodon
    mesoplodon monodon octodon ophiodon pantodon paracheirodon platycodon
    plethodon polyodon priodon prionodon rhincodon rhineodon rigodon sigmodon
    solenodon sphenodon strongylodon tetraodon tetrodon triaenodon
    trimorphodon triodon
    ceratotherium clavicytherium
    agapornis atrichornis capricornis ceriornis heliornis ionornis lophornis
    megalornis notornis palaeornis sayornis steatornis threskiornis
    cerapteryx micropteryx phyllopteryx pantomimus panonychus
'''.split())

# First (and second) roots: Greek and Latin stems, a few places.
ROOTS = '''
    tyranno stego tricera brachio veloci ankylo pachy spino iguano micro
    mega megalo ptero dino deino allo apato bronto diplo cerato compso coelo
    dromaeo hadro lepto macro mono ornitho ovi proto psittaco corytho maia
    masso nano nodo plateo poly scelido styraco titano troo archaeo cryo eu
    hetero homalo hypsi melano xeno chasmo aero baro campto cetio chiro
    crypto cyclo dolicho echino elaphro gorgo giganto grypo hespero hylaeo
    ichthyo kentro lepido lopho meso mixo nycto oxy palaeo penta plesio
    pleuro rhino rhodo steno stygi tarbo thalasso tri uro zephyro acro
    amphi anchi aquilo argyro austro brachy caeno carno cephalo chloro
    cory cyano dactylo dasy drypto erythro glypto gnatho helio hydro
    lambeo leuco lyco megistho nothro ophio orycto pelo phyllo platy
    pristi rhampho sarco sauro scapho sphaero stauro tanio tele thero
    xipho zalmo agilo bellu citi ferro fulguro lapidi nocti ossi
    rapto silvi tenebro alberto gobi mongolo patago argentino afro sino
    utah texa ande tanza saharo nigero sibero antarcto australo hispano
    gallo lusitano indo japono canado wuerho wanno tawa oweno wyomingo
'''.split()

# Endings, with weights: most genus names end in -saurus.
ENDINGS = {
    'saurus': 60, 'odon': 6, 'don': 3, 'raptor': 5, 'ceratops': 4,
    'mimus': 3, 'titan': 3, 'venator': 3, 'nychus': 2, 'lophus': 3,
    'pteryx': 3, 'suchus': 4, 'saura': 2, 'dactylus': 2, 'rhinus': 2,
    'gnathus': 3, 'therium': 2, 'ornis': 2, 'pelta': 3, 'pus': 2,
    'spondylus': 2, 'stega': 1, 'tholus': 2, 'draco': 2, 'cephale': 2,
    'tops': 2, 'urus': 2, 'zoon': 1, 'ichthys': 1, 'acanthus': 2,
}
VOWELS = set('aeiouy')


def real_names(wordlist):
    """The prehistoric names in a word list file, lower case, sorted.

    Args:
        wordlist: path of a word list with one word per line.

    Returns:
        names: sorted list of distinct lower-case names (letters only).
    """
    ending = re.compile(r'^[a-z]{3,}(' + '|'.join(REAL_ENDINGS) + r')$')
    with open(wordlist, encoding='utf-8', errors='replace') as f:
        words = {w.strip().lower() for w in f}
    return sorted(w for w in words if (ending.match(w) or w in REAL_WORDS)
                  and w not in NOT_PREHISTORIC)


def join(first, ending):
    """Join two roots as genus names are joined: one vowel at the seam."""
    if first[-1] in VOWELS and ending[0] in VOWELS:
        return first[:-1] + ending
    if first[-1] not in VOWELS and ending[0] not in VOWELS:
        return first + 'o' + ending
    return first + ending


def combined_names(count, taken, seed=SEED):
    """`count` new names from the root combiner, none of them in `taken`.

    Args:
        count: how many names to make.
        taken: set of lower-case names to avoid (the real ones).
        seed: seed of the combiner's random.Random.

    Returns:
        names: list of `count` distinct lower-case names, in the order made.
    """
    rng = random.Random(seed)
    endings, weights = list(ENDINGS), list(ENDINGS.values())
    seen, names = set(taken) | NOT_PREHISTORIC, []
    while len(names) < count:
        roots = [rng.choice(ROOTS)]
        if rng.random() < 0.25:   # a second root: pachy + cephalo + saurus
            roots.append(rng.choice(ROOTS))
        ending = rng.choices(endings, weights)[0]
        stem = roots[0] if len(roots) == 1 else join(*roots)
        name = join(stem, ending)
        repeats = len(set(roots)) < len(roots) or any(
            r[:4] in ending for r in roots)   # no cerato + ceratops
        if 7 <= len(name) <= 18 and name not in seen and not repeats:
            seen.add(name)
            names.append(name)
    return names


def build(wordlist=None, total=TOTAL, seed=SEED):
    """All names of the file: the real ones, then the combined ones.

    Returns:
        (names, n_real): capitalised names in file order, and how many of
        the first ones came from the word list.
    """
    wordlist = wordlist or os.environ.get('DINOS_WORDLIST') or WORDLIST
    if not Path(wordlist).exists():
        from .data import DataError   # (h5py, PIL: only when needed)
        raise DataError(f'{wordlist} is missing: install Debian\'s '
                        'wamerican-insane (apt-get install wamerican-insane) '
                        'or set $DINOS_WORDLIST to its american-english-'
                        'insane file to rebuild dinos.txt')
    real = real_names(wordlist)
    made = combined_names(total - len(real), set(real), seed)
    return [n.capitalize() for n in real + made], len(real)


def write(path=PATH, wordlist=None):
    """Rebuild the names file (one name per line, ending with a newline)."""
    names, _ = build(wordlist)
    Path(path).write_text('\n'.join(names) + '\n', encoding='ascii')
    return path


def load_text(path=PATH):
    """The committed names file as one string, its SHA-256 checked.

    Returns:
        text: the names, one per line (capitalised, ASCII letters).
    """
    from .data import DataError
    path = Path(path)
    if not path.exists():
        raise DataError(f'{path} is missing: restore it with `git checkout '
                        f'-- shared_utils/datasets/dinos.txt`')
    raw = path.read_bytes()
    got = hashlib.sha256(raw).hexdigest()
    if got != SHA256:
        raise DataError(f'{path} has sha256 {got[:16]}, recorded '
                        f'{SHA256[:16]}: restore it with `git checkout -- '
                        f'shared_utils/datasets/dinos.txt`, or rebuild it '
                        f'with `python -m shared_utils.assets build dinos_txt '
                        f'--force` and record the new digest here')
    return raw.decode('ascii')


class CommittedText:
    """The catalogue's recipe: a committed file checked by its SHA-256
    (``python -m shared_utils.assets check dinos_txt``); ``build --force``
    rebuilds it from the word list."""
    name = 'dinos_txt'

    def where(self):
        return 'shared_utils/datasets/dinos.txt'

    def paths(self):
        return [PATH]

    def state(self):
        return 'committed' if PATH.exists() else 'MISSING'

    def check(self):
        text = load_text()
        return f'{len(text.splitlines())} names, file SHA-256 matches'

    def build(self, budget, force):
        if force:
            write(PATH)
            return 'rebuilt from the word list; ' + self.check()
        return 'committed; ' + self.check()
