namespace TokenPlatform.Infrastructure.Trading;

/// <summary>One journal stream's figures: how far it is durable, its group commits and their time, and its fault if it has one.</summary>
public sealed record StreamStatistics(int Stream, long Epoch, long DurableSequence, long Commits, TimeSpan CommitTime, TimeSpan LongestCommit, Exception? Fault);
