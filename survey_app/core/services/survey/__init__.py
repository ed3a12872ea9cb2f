"""Editing a household's survey: the form, its validation, saving through the unit of work, drafts."""
