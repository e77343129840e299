using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using TokenPlatform.Domain.Common;

namespace TokenPlatform.Infrastructure.Persistence;

/// <summary>
/// Stores an amount as its integer minor units (a 64-bit column, as before amounts were Money); a
/// negative stored value is a corrupt row and fails loudly when read.
/// </summary>
public sealed class MoneyConverter() : ValueConverter<Money, long>(
    money => money.MinorUnits,
    units => Money.FromMinorUnits(units, "amount").Value);
