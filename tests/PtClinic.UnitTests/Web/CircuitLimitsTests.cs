using PtClinic.Domain.Visits;
using PtClinic.Web.Services;

namespace PtClinic.UnitTests.Web;

public sealed class CircuitLimitsTests
{
    [Fact]
    public void A_field_typed_to_its_limit_fits_in_one_message_from_the_browser()
    {
        ((long)CircuitLimits.LongestField * CircuitLimits.WorstBytesPerTypedCharacter).ShouldBeLessThan(CircuitLimits.MaximumReceiveMessageSize);
        CircuitLimits.LongestField.ShouldBeGreaterThanOrEqualTo(NoteAddendum.TextMaxLength);
    }

    [Fact]
    public void A_draft_with_every_section_at_its_limit_is_handed_over_from_the_prerender()
    {
        (4 * VisitNote.SectionMaxLength).ShouldBeLessThanOrEqualTo(CircuitLimits.HandoverTextBudget);
    }
}
