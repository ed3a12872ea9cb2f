"""The household editor (issue 4): sections of widgets over a SurveyForm, autosaved drafts, inline checks.

Entry point: ``household_editor.HouseholdEditorDialog``. Everything here runs on the GUI thread;
saving and submitting go through the TaskRunner; drafts go to the draft writer's thread (autosave.py).
"""
