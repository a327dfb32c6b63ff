# Two commands do everything on a fresh machine (each installs what it needs):
#   make demo   the whole course loop with simulated learners
#   make test   the test suite (what CI runs)
# Python 3.11, 3.12 or 3.13: the newest found, or make PYTHON=python3.12.
VENV   ?= .venv
PYTHON ?=
PY     := $(VENV)/bin/python
export PYTHONPATH := $(CURDIR)
export TF_CPP_MIN_LOG_LEVEL := 2
export MPLBACKEND := Agg

.PHONY: install demo test test-fast test-browser lab selfgrade bench assets clean

# creates $(VENV) and installs requirements.lock when it changed; otherwise
# says which Python it uses and returns at once (scripts/install.sh)
install:
	@VENV='$(VENV)' PYTHON='$(PYTHON)' sh scripts/install.sh

demo: install
	$(PY) -m autograder demo

# Two pytest workers on two cores: one BLAS thread each, or they thrash.
test: install
	OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 $(PY) -m pytest -n 2 --dist loadgroup --durations=40

test-fast: install
	OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 $(PY) -m pytest -n 2 --dist loadgroup -m "not slow"

# the browser tests alone (needs Debian's chromium: apt-get install chromium)
test-browser: install
	$(PY) -m pytest -m browser

lab: install
	$(PY) -m autograder lab

# make selfgrade NB=work/lab/learners/learner/C1_W2A2/Logistic_....ipynb
selfgrade: install
	$(PY) -m autograder selfgrade "$(NB)"

bench: install
	$(PY) benchmarks/run.py

# every data set and model (seeded, cached, checksummed; see
# shared_utils/README.md). Names, --force or --budget tiny via ARGS=...
assets: install
	$(PY) -m shared_utils.assets build $(ARGS)

clean:
	rm -rf work
