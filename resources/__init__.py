"""The package ``survey_app.resources`` as installed from a wheel: fonts, policies, templates, translations.

pyproject.toml maps this folder to ``survey_app.resources`` at build time; a source checkout reads it in place.
Look resources up with ``survey_app.core.paths.resource_path`` only.
"""
