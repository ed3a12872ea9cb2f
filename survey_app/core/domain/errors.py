"""Errors the core raises on purpose. Messages are Chinese: they reach users as they are."""


class SurveyAppError(Exception):
    """Base of every error that carries a message meant for the user."""


class ValidationError(SurveyAppError):
    """Bad input; ``field`` names what was wrong when known."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.field = field


class PermissionDenied(SurveyAppError):
    """The actor's role may not take this action (checked in services, not only in the UI)."""


class AuthenticationError(SurveyAppError):
    """Wrong user name or password, or the account is locked."""


class NotFound(SurveyAppError):
    """The record asked for does not exist (or is a tombstone)."""


class IntegrityError(SurveyAppError):
    """Stored data failed a check (audit chain, immutable record changed, …)."""
