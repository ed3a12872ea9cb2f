"""survey_app: offline field workstation for urban-renewal surveys, compensation and agreements."""

__version__ = "0.1.0"
