using FluentValidation;
using Mediator;
using PtClinic.Application.Common.Abstractions;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Common.Security;
using PtClinic.Domain.Staff;

namespace PtClinic.Application.Features.OutcomeSnapshot;

/// <summary>
/// Re-derives every outcome row of the clinic from the records and corrects the stored ones that
/// differ (adding the missing, removing the orphaned). The rows are kept current in the
/// transaction of every change, so this corrects nothing unless something bypassed that (a
/// change of the rules, a repair by hand, a bug): the nightly check warns when it did.
/// Its value is how many rows it corrected: written because they were missing or differed, plus
/// removed.
/// </summary>
[RequiresRole(StaffRoles.Admin, StaffRoles.System)]
public sealed record RebuildEpisodeOutcomesCommand : ICommand<Result<int>>;

/// <summary>Nothing to check: the command names no record.</summary>
public sealed class RebuildEpisodeOutcomesValidator : AbstractValidator<RebuildEpisodeOutcomesCommand>;

public sealed class RebuildEpisodeOutcomesHandler(IEpisodeOutcomes outcomes)
    : ICommandHandler<RebuildEpisodeOutcomesCommand, Result<int>>
{
    public async ValueTask<Result<int>> Handle(RebuildEpisodeOutcomesCommand command, CancellationToken cancellationToken) =>
        await outcomes.RebuildClinicAsync(cancellationToken);
}
