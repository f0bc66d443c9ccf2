namespace PtClinic.Domain.Visits;

public enum VisitType
{
    InitialEvaluation,
    FollowUp,
    ProgressNote,
    Discharge,
}

/// <summary>Visit status, as FHIR Encounter: planned, arrived, cancelled, no-show, finished.</summary>
public enum VisitStatus
{
    Scheduled,
    CheckedIn,
    Cancelled,
    NoShow,
    Completed,
}

public enum NoteStatus
{
    Draft,
    Signed,
}
