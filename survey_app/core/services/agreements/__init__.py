"""Agreements (征收补偿协议): numbers, signed QR payloads, lifecycle, rendering, verification."""
