"""Shipped resources (fonts, policies, templates, translations) — this folder holds only this marker.

The files are in the repository's resources/ folder; pyproject.toml ([tool.setuptools.package-dir]) maps that
folder to this package when a wheel is built, and packaging/survey_app.spec does the same for the frozen app.
Look resources up with ``survey_app.core.paths.resource_path`` only: it finds them in every kind of install.
"""
