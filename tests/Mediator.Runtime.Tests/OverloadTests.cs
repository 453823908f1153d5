namespace RuntimeTests;

/// <summary>
/// Generated pipelines call a handler's <c>Handle</c> directly when it is public; these check that the method that
/// runs is always the contract's, whatever other <c>Handle</c> overloads the class has.
/// </summary>
public sealed class OverloadTests
{
    [Fact]
    public async Task Each_contract_runs_its_own_method_when_a_class_handles_a_base_and_a_derived_notification()
    {
        using var host = TestHost.Create();

        await host.Mediator.Publish(new ExpressParcel());

        Assert.Equal(new[] { "express", "parcel ExpressParcel" }, host.Recorder.Lines.OrderBy(l => l, StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_base_contract_runs_its_method_for_the_base_notification()
    {
        using var host = TestHost.Create();

        await host.Mediator.Publish(new Parcel());

        Assert.Equal(new[] { "parcel Parcel" }, host.Recorder.Lines);
    }

    [Fact]
    public async Task A_contract_implemented_in_a_base_class_runs_even_when_the_handler_hides_Handle()
    {
        using var host = TestHost.Create();

        await host.Mediator.Publish(new ParcelLost());

        Assert.Equal(new[] { "base lost", "lost" }, host.Recorder.Lines.OrderBy(l => l, StringComparer.Ordinal));
    }
}
