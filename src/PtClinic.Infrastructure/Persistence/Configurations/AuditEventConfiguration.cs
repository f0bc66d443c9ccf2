using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;
using PtClinic.Domain.Audit;

namespace PtClinic.Infrastructure.Persistence.Configurations;

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> builder)
    {
        builder.ToTable(t => t.HasComment(
            "Append-only audit trail; a trigger numbers and hash-chains each clinic's rows and refuses changes."));
        builder.Property(e => e.Id).UseIdentityAlwaysColumn();
        // Written by the trigger (docs/security.md), read back on insert: the app cannot choose them.
        builder.Property(e => e.Sequence).ValueGeneratedOnAdd().Metadata.SetValueGenerationStrategy(NpgsqlValueGenerationStrategy.None);
        builder.Property(e => e.OccurredAt).ValueGeneratedOnAdd();
        builder.Property(e => e.PreviousHash).ValueGeneratedOnAdd();
        builder.Property(e => e.Hash).ValueGeneratedOnAdd();
        builder.Property(e => e.ActorRoles).HasMaxLength(AuditEvent.RolesMaxLength);
        builder.Property(e => e.Action).HasMaxLength(AuditEvent.CodeMaxLength);
        builder.Property(e => e.Operation).HasMaxLength(AuditEvent.OperationMaxLength);
        builder.Property(e => e.EntityType).HasMaxLength(AuditEvent.EntityTypeMaxLength);
        builder.Property(e => e.Account).HasMaxLength(AuditEvent.AccountMaxLength);
        builder.Property(e => e.ClientAddress).HasMaxLength(AuditEvent.ClientAddressMaxLength);
        builder.Property(e => e.Outcome).HasMaxLength(AuditEvent.CodeMaxLength);

        // One chain per clinic (and one for sign-ins of no clinic): the trigger reads its last row here.
        builder.HasIndex(e => new { e.ClinicId, e.Sequence }).IsUnique().AreNullsDistinct(false);
        // A patient's history, newest first.
        builder.HasIndex(e => new { e.ClinicId, e.PatientId, e.Sequence }).HasFilter("patient_id IS NOT NULL");
    }
}
