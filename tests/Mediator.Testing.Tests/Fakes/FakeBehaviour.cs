namespace Mediator.Testing.Tests.Fakes;

/// <summary>Hooks a test sets to steer the fake mediator (registered as a singleton beside it).</summary>
public sealed class FakeBehaviour
{
    /// <summary>Awaited by the Ping pipeline between middleware B and the handler.</summary>
    public Func<Task> BeforePingHandler { get; set; } = () => Task.CompletedTask;

    /// <summary>Run by the Outer handler; its result is the answer.</summary>
    public Func<Task<int>> OnOuter { get; set; } = () => Task.FromResult(0);

    /// <summary>How many times a notification is delivered to a handler that asks for a retry.</summary>
    public int MaxAttempts { get; set; } = 2;
}
