namespace TokenPlatform.Domain.Trading;

/// <summary>
/// A deterministic stage of the market that one thread feeds with sequenced commands and one journal stream makes
/// durable: a <see cref="MatchingEngine"/> (one book set, or one shard) or the <see cref="AccountStage"/> in front of shards.
/// </summary>
public interface ISequencedStage
{
    /// <summary>The events of the commands applied since the caller last cleared them.</summary>
    EventBuffer Events { get; }

    long LastSequence { get; }

    void Apply(in EngineCommand command);

    ulong StateHash();

    void WriteSnapshot(Stream stream);
}
