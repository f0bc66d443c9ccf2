using System.Reflection;
using Mediator;
using PtClinic.Application.Common.Audit;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Common.Security;
using PtClinic.Domain.Audit;
using PtClinic.IntegrationTests.Features.Episodes;

namespace PtClinic.IntegrationTests.Security;

/// <summary>
/// One case per cell of the role × use-case table (<see cref="AccessMatrix"/>): an allowed role's
/// valid message goes through; a refused role gets Forbidden and the database is left exactly as it was.
/// </summary>
public sealed class AccessMatrixTests(AppFixture app) : IntegrationTest(app)
{
    public static TheoryData<string, string> Cells()
    {
        var cells = new TheoryData<string, string>();
        foreach (var message in AccessMatrix.Messages)
        {
            foreach (var role in AccessMatrix.Roles)
            {
                cells.Add(message.Name, role);
            }
        }

        return cells;
    }

    [Fact]
    public void Every_command_and_query_has_a_scenario()
    {
        AccessMatrix.Messages.Where(m => !Scenarios.All.ContainsKey(m)).Select(m => m.Name)
            .ShouldBeEmpty("add a line for each to Security/Scenarios.cs (docs/security.md, For contributors)");
        Cells().Count.ShouldBe(AccessMatrix.Messages.Count * AccessMatrix.Roles.Count);
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task A_role_is_let_through_or_refused_as_the_table_says(string messageName, string role)
    {
        var messageType = MessageNamed(messageName);
        var clinic = await ScenarioClinic.CreateAsync(App);
        var message = await Scenarios.All[messageType](clinic);
        var before = await DatabaseChecksum.OfAsync(App);
        var lastAudit = await AuditRows.LastAsync(App, clinic.Id);

        var result = (IResult)await App.SendAsync(clinic.Actor(role), (dynamic)message);

        var audited = await AuditRows.SinceAsync(App, clinic.Id, lastAudit);
        if (AccessMatrix.Allows(messageType, role))
        {
            result.IsSuccess.ShouldBeTrue($"{messageName} as {role}: {result.Error?.Kind} {result.Error?.Message}");
            if (AuditPolicy.RecordReads.Contains(messageType) || IsCommand(messageType))
            {
                audited.ShouldBe([(messageType.Name, AuditOutcomes.Success)], $"{messageName} as {role} leaves one audit row");
            }
            else
            {
                audited.ShouldBeEmpty($"{messageName} reads no patient's record");
            }
        }
        else
        {
            result.Failed(ErrorKind.Forbidden);
            (await DatabaseChecksum.OfAsync(App)).ShouldBe(before, $"{messageName} refused to {role} wrote something");
            audited.ShouldBe([(messageType.Name, AuditOutcomes.Denied)], $"{messageName} refused to {role} is in the audit trail");
        }
    }

    private static bool IsCommand(Type message) =>
        message.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICommand<>));

    internal static Type MessageNamed(string name) => AccessMatrix.Messages.Single(m => m.Name == name);
}

/// <summary>
/// A message aimed at another clinic's record learns nothing: the answer is NotFound, word for word
/// the answer for an id that exists nowhere, and nothing of either clinic changes.
/// </summary>
public sealed class CrossClinicTests(AppFixture app) : IntegrationTest(app)
{
    /// <summary>Every message with an id among its fields, found from its shape so none is forgotten.</summary>
    public static TheoryData<string> MessagesWithIds() => new(AccessMatrix.Messages
        .Where(m => m.GetProperties().Any(p => p.PropertyType == typeof(Guid)))
        .Select(m => m.Name));

    [Fact]
    public void Most_messages_take_an_id()
    {
        MessagesWithIds().Count.ShouldBeGreaterThanOrEqualTo(35);
    }

    [Theory]
    [MemberData(nameof(MessagesWithIds))]
    public async Task Another_clinics_id_is_not_found_like_a_missing_one_and_nothing_is_written(string messageName)
    {
        var messageType = AccessMatrixTests.MessageNamed(messageName);
        var ours = await ScenarioClinic.CreateAsync(App);
        var theirs = await ScenarioClinic.CreateAsync(App, "Southside Physio");
        var aimedAtThem = await Scenarios.All[messageType](theirs);
        var aimedAtNothing = WithRandomIds(aimedAtThem);
        var actor = ours.Actor(AccessMatrix.Roles.First(role => AccessMatrix.Allows(messageType, role)));
        var before = await DatabaseChecksum.OfAsync(App);
        var lastAudit = await AuditRows.LastAsync(App, ours.Id);

        var theirsAnswer = (IResult)await App.SendAsync(actor, (dynamic)aimedAtThem);
        var missingAnswer = (IResult)await App.SendAsync(actor, (dynamic)aimedAtNothing);

        theirsAnswer.Failed(ErrorKind.NotFound);
        theirsAnswer.Error!.Message.ShouldBe(missingAnswer.Failed(ErrorKind.NotFound).Message);
        (await DatabaseChecksum.OfAsync(App)).ShouldBe(before);
        (await AuditRows.SinceAsync(App, ours.Id, lastAudit)).ShouldBe(
            [(messageType.Name, AuditOutcomes.NotFound), (messageType.Name, AuditOutcomes.NotFound)],
            "both probes are in the prober's audit trail");
    }

    /// <summary>A copy of the record with every id replaced by one no clinic has.</summary>
    private static IMessage WithRandomIds(IMessage message)
    {
        var copy = (IMessage)message.GetType().GetMethod("<Clone>$")!.Invoke(message, null)!;
        foreach (var property in message.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
                     .Where(p => p.PropertyType == typeof(Guid) && p.CanWrite))
        {
            property.SetValue(copy, Guid.CreateVersion7());
        }

        return copy;
    }
}
