"""KindCall: compliant, empathetic payment-reminder calls."""

__version__ = "0.1.0"
