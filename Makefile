# Two commands do everything on a fresh machine (each installs what it needs):
#   make demo   the whole course loop with simulated learners
#   make test   the test suite (what CI runs)
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
export PYTHONPATH := $(CURDIR)
export TF_CPP_MIN_LOG_LEVEL := 2
export MPLBACKEND := Agg

.PHONY: install demo test test-fast test-browser lab selfgrade bench assets clean

$(STAMP): requirements.lock pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.lock
	$(PY) -m pip install --quiet --no-deps -e .
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(PY) -m autograder demo

# Two pytest workers on two cores: one BLAS thread each, or they thrash.
test: $(STAMP)
	OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 $(PY) -m pytest -n 2 --dist loadfile

test-fast: $(STAMP)
	OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 $(PY) -m pytest -n 2 --dist loadfile -m "not slow"

# the browser tests alone (needs Debian's chromium: apt-get install chromium)
test-browser: $(STAMP)
	$(PY) -m pytest -m browser

lab: $(STAMP)
	$(PY) -m autograder lab

# make selfgrade NB=work/lab/learners/learner/C1_W2A2/Logistic_....ipynb
selfgrade: $(STAMP)
	$(PY) -m autograder selfgrade "$(NB)"

bench: $(STAMP)
	$(PY) benchmarks/run.py

# every data set and model (seeded, cached, checksummed; see
# shared_utils/README.md). Names, --force or --budget tiny via ARGS=...
assets: $(STAMP)
	$(PY) -m shared_utils.assets build $(ARGS)

clean:
	rm -rf work
