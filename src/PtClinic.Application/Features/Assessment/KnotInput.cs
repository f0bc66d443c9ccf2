using FluentValidation;
using PtClinic.Application.Common.Validation;
using PtClinic.Domain.Assessment;

namespace PtClinic.Application.Features.Assessment;

/// <summary>How a knot presented, as the knot dialog edits it.</summary>
public sealed record KnotInput(
    int Tenderness,
    decimal? PressurePainThreshold,
    int? SizeMm,
    bool IsActive,
    bool LocalTwitchResponse,
    IReadOnlyList<ReferredPainArea> ReferredPain)
{
    public KnotPresentation ToPresentation() =>
        new(Tenderness, PressurePainThreshold, SizeMm, IsActive, LocalTwitchResponse, ReferredPain ?? []);
}

/// <summary>Field checks shared by adding and editing a knot, with the names the dialog shows.</summary>
public sealed class KnotInputValidator : AbstractValidator<KnotInput>
{
    private static readonly string PressurePainThresholdMessage =
        $"The pressure-pain threshold must be more than 0 and at most {KnotPresentation.MaxPressurePainThreshold} kg/cm².";

    public KnotInputValidator()
    {
        RuleFor(k => k.Tenderness).InclusiveBetween(0, KnotPresentation.MaxTenderness)
            .WithMessage($"Tenderness must be 0 to {KnotPresentation.MaxTenderness}.");
        RuleFor(k => k.PressurePainThreshold)
            .GreaterThan(0).WithMessage(PressurePainThresholdMessage)
            .LessThanOrEqualTo(KnotPresentation.MaxPressurePainThreshold).WithMessage(PressurePainThresholdMessage);
        RuleFor(k => k.SizeMm).InclusiveBetween(1, KnotPresentation.MaxSizeMm)
            .WithMessage($"Size must be 1 to {KnotPresentation.MaxSizeMm} mm.");
        RuleFor(k => k.ReferredPain).NotNull().WithMessage("Send the areas the knot refers pain to (none if it refers none).");
        RuleForEach(k => k.ReferredPain).OneOf("each area of referred pain");
    }
}
