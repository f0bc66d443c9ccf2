namespace PtClinic.Domain.Common;

/// <summary>
/// A clinical or business rule was broken (signing a note twice, discharging a closed episode).
/// The application pipeline turns it into a failed Result with this message, so the message must
/// be written for the person at the keyboard.
/// </summary>
public sealed class DomainException(string message) : Exception(message);
