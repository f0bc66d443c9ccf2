using PtClinic.Domain.Common;
using PtClinic.Domain.Treatment;
using static PtClinic.Domain.Treatment.InterventionCatalog;

namespace PtClinic.UnitTests.Domain.Treatment;

public sealed class ClinicInterventionTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly StaffRef Admin = new(Guid.CreateVersion7(), "Priya Shah");
    private static readonly Guid ClinicId = Guid.CreateVersion7();

    private static InterventionDefinition WallSit => new(
        string.Empty, "Wall sit", InterventionCategory.Strengthening, Performer.Home, new Dose { Sets = 3, HoldSeconds = 30 },
        "Slide down a wall until your knees are bent, and hold.", string.Empty, [], BillingKind.NotBilled, null);

    [Fact]
    public void A_new_exercise_gets_a_code_from_its_name_clear_of_the_codes_taken()
    {
        var taken = new HashSet<string>(All.Select(i => i.Code)) { "wall-sit" };

        var entry = ClinicIntervention.Add(ClinicId, WallSit with { Name = "  Wall sit!  " }, taken, Admin, Now);

        entry.ShouldSatisfyAllConditions(
            e => e.Code.ShouldBe("wall-sit-2"),
            e => e.Name.ShouldBe("Wall sit!"),
            e => e.ReplacesSeeded.ShouldBeFalse(),
            e => e.IsRetired.ShouldBeFalse(),
            e => (e.ChangedBy, e.ChangedAt).ShouldBe((Admin, Now)));
    }

    [Fact]
    public void A_new_exercise_is_held_to_the_dose_bounds()
    {
        Should.Throw<DomainException>(() => ClinicIntervention.Add(ClinicId, WallSit with { DefaultDose = new Dose { Sets = 200 } }, new HashSet<string>(), Admin, Now))
            .Message.ShouldBe("Sets must be 1 to 10.");
    }

    [Fact]
    public void Editing_a_seeded_entry_keeps_its_code_and_may_add_a_contraindication()
    {
        var seeded = Find(GluteBridge)!;

        var edit = ClinicIntervention.EditSeeded(ClinicId, seeded,
            seeded with { Code = "something-else", Name = "Glute bridge with a band", Contraindications = [InterventionContraindication.Relative(Contraindication.Pregnancy)] },
            Admin, Now);

        (edit.Code, edit.Name, edit.ReplacesSeeded).ShouldBe((GluteBridge, "Glute bridge with a band", true));
        edit.Contraindications.ShouldHaveSingleItem().Code.ShouldBe(Contraindication.Pregnancy);
    }

    [Fact]
    public void A_seeded_contraindication_can_be_made_stricter_but_never_removed_or_softened()
    {
        var needling = Find(DryNeedling)!;
        var withoutAnticoagulants = needling with { Contraindications = [.. needling.Contraindications.Where(c => c.Code != Contraindication.Anticoagulants)] };
        var softened = needling with
        {
            Contraindications = [.. needling.Contraindications.Select(c => c.Code == Contraindication.Anticoagulants ? InterventionContraindication.Relative(c.Code) : c)],
        };
        var stricter = needling with
        {
            Contraindications = [.. needling.Contraindications.Select(c => c.Code == Contraindication.Pregnancy ? InterventionContraindication.Absolute(c.Code) : c)],
        };

        Should.Throw<DomainException>(() => ClinicIntervention.EditSeeded(ClinicId, needling, withoutAnticoagulants, Admin, Now)).Message
            .ShouldBe("Dry needling keeps its contraindication \"the patient takes anticoagulants\" as blocking: the safety rules rely on it.");
        Should.Throw<DomainException>(() => ClinicIntervention.EditSeeded(ClinicId, needling, softened, Admin, Now));
        ClinicIntervention.EditSeeded(ClinicId, needling, stricter, Admin, Now).Contraindications
            .ShouldContain(InterventionContraindication.Absolute(Contraindication.Pregnancy));
    }

    [Fact]
    public void A_retired_entry_is_kept_and_can_be_reinstated()
    {
        var entry = ClinicIntervention.RetireSeeded(ClinicId, Find(YogaFlexibility)!, Admin, Now);

        entry.IsRetired.ShouldBeTrue();
        entry.Definition.ShouldBe(Find(YogaFlexibility)! with { Contraindications = entry.Contraindications });
        Should.Throw<DomainException>(() => entry.Retire(Admin, Now)).Message.ShouldBe("Yoga for flexibility is already retired.");

        entry.Reinstate(Admin, Now.AddDays(1));

        entry.IsRetired.ShouldBeFalse();
        Should.Throw<DomainException>(() => entry.Reinstate(Admin, Now)).Message.ShouldBe("Yoga for flexibility is in use; only a retired entry can be reinstated.");
    }
}
