using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace TokenPlatform.Infrastructure.Persistence;

/// <summary>Stores instants as UTC ticks (a long): orderable on every provider, no offset ambiguity.</summary>
public sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    value => value.UtcTicks,
    ticks => new DateTimeOffset(ticks, TimeSpan.Zero));
