"""survey_app: offline field workstation for urban-renewal surveys, compensation and agreements."""

# The one place the version is written: pyproject.toml reads it ([tool.setuptools.dynamic]); the 关于 box,
# every sync bundle's header and every PDF's Creator field show it. docs/CHANGELOG.md says what changed.
__version__ = "0.2.0"
