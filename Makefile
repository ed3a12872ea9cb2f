# survey_app — two commands for a newcomer: `make run` and `make test`.
# The distribution's interpreter when it is new enough (requires-python): Debian builds it with profile-guided
# and link-time optimisation, so the app and the suite run faster on it (the suite: ~12 % less CPU here) than on a
# default pyenv or source build that a PATH may put first. A newcomer's Debian has only that one; PYTHON=... chooses.
SYSTEM_PYTHON := $(shell /usr/bin/python3 -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null \
                   && echo /usr/bin/python3)
PYTHON ?= $(or $(SYSTEM_PYTHON),python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
QM     := resources/translations/survey_app_en.qm
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: install compile run test bench screenshots translations clean-venv dist

## install: Debian packages (when root with apt), .venv with the app and test tools, translations,
## and the project's modules compiled to .pyc
install: $(STAMP) $(QM) compile

## compile: write .pyc for the project's own modules (incremental). Machines that set
## PYTHONDONTWRITEBYTECODE would otherwise recompile every module at every start (~0.15 CPU-s).
compile: $(STAMP)
	@$(BIN)/python -m compileall -q -j 0 survey_app bench main.py >/dev/null

$(STAMP): pyproject.toml packaging/debian-packages.txt
	@bash packaging/install-debian-deps.sh
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV) || { rm -rf $(VENV); \
		echo "make: $(PYTHON) could not make $(VENV) (no python3-venv?); using python3 from PATH" >&2; \
		python3 -m venv $(VENV); }
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	@touch $(STAMP)

$(QM): resources/translations/survey_app_en.ts $(STAMP)
	$(BIN)/pyside6-lrelease -silent $< -qm $@

## run: start the app (creates the demo project on first start)
run: install
	$(BIN)/python main.py

## test: lint (ruff, configured in pyproject.toml), then the whole suite, headless
test: install
	$(BIN)/ruff check --quiet survey_app tests bench docs resources main.py
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -n auto

## bench: every benchmark (prints figures; never part of the tests)
bench: install
	@for b in $$($(BIN)/python -m bench --list | cut -d' ' -f1); do \
		echo "== $$b"; QT_QPA_PLATFORM=offscreen $(BIN)/python -m bench $$b || exit 1; done

clean-venv:
	rm -rf $(VENV)

## screenshots: the real app under Xvfb at 1366×768 on demo data → docs/screenshots/*.png
SHOTS_DB := $(or $(TMPDIR),/tmp)/survey_app_screenshots.sqlite3
screenshots: install
	rm -f $(SHOTS_DB) $(SHOTS_DB)-wal $(SHOTS_DB)-shm
	$(BIN)/survey-app --db $(SHOTS_DB) demo --households 500 --seed 20231 --quiet
	xvfb-run -a -s "-screen 0 1366x768x24" $(BIN)/python docs/screenshots/make_screenshots.py --db $(SHOTS_DB)
	xvfb-run -a -s "-screen 0 1366x768x24" $(BIN)/python docs/screenshots/make_screenshots.py --db $(SHOTS_DB) --lang en
	xvfb-run -a -s "-screen 0 1366x768x24" $(BIN)/python docs/screenshots/shots_hq_setup.py

## translations: re-extract UI strings into the .ts and fill the English (after changing UI text)
translations: install
	$(BIN)/pyside6-lupdate -silent $$(find survey_app/ui -name '*.py' | sort) survey_app/core/domain/vocabulary.py \
		-ts resources/translations/survey_app_en.ts -source-language zh_CN -target-language en -no-obsolete
	$(BIN)/python resources/translations/fill_en.py
	$(BIN)/pyside6-lrelease -silent resources/translations/survey_app_en.ts -qm $(QM)

## dist: the frozen one-folder app (PyInstaller, packaging/survey_app.spec) and its .deb in packaging/dist/,
## after the wheel test; then the frozen app's smoke test under Xvfb (CLI demo, agreement PDF, sync bundle,
## signed-in window → docs/screenshots/frozen_main.png, start-up and size figures, .deb install/remove as root)
DIST_DIR := packaging/dist
dist: install
	@bash packaging/install-debian-deps.sh packaging/dist-debian-packages.txt
	@$(BIN)/python -c "import PyInstaller" 2>/dev/null || $(BIN)/python -m pip install -q "pyinstaller>=6.10,<7"
	SURVEY_APP_PACKAGING_TESTS=1 QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -p no:cacheprovider tests/packaging
	$(BIN)/pyinstaller --noconfirm --log-level WARN --distpath $(DIST_DIR) --workpath packaging/build packaging/survey_app.spec
	rm -f $(DIST_DIR)/survey-app_*.deb
	bash packaging/build_deb.sh
	xvfb-run -a -s "-screen 0 1366x768x24" $(BIN)/python packaging/smoke_frozen.py \
		--app $(DIST_DIR)/survey-app/survey-app --deb $$(ls $(DIST_DIR)/survey-app_*.deb)
