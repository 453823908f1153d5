using System.Collections.Immutable;
using Mediator.SourceGenerator.Model;
using Mediator.SourceGenerator.Parsing;

namespace Mediator.SourceGenerator.Tests;

/// <summary>
/// An exception inside the generator is a bug, but the user's build must still say something useful:
/// every stage turns its exceptions into MED0003 instead of letting them crash the compiler's driver.
/// </summary>
public sealed class FailureContainmentTests
{
    private static readonly GeneratorOptions Options = new(new MediatorName("App", "Mediator", "Mediator"), HasServiceCollection: true);

    [Fact]
    public void A_planning_failure_becomes_MED0003_naming_the_stage_and_the_exception()
    {
        var broken = new HandlerSpec("global::App.Handler", ServiceLifetimeKind.Singleton, Request: null!, HandlerParser.UnitSpec, IsVoid: false, IsImplicit: true);

        var resolved = MediatorGenerator.ResolveSafely(ImmutableArray.Create(broken), ImmutableArray<MiddlewareSpec>.Empty, ImmutableArray<MessageTypeSpec>.Empty);

        Assert.Null(resolved.Pipelines);
        Assert.NotNull(resolved.Failure);
        Assert.Equal("MED0003", resolved.Failure!.Id);
        Assert.Equal("the pipeline plan", resolved.Failure.Arguments[0]);
        Assert.Equal(nameof(NullReferenceException), resolved.Failure.Arguments[1]);
    }

    [Fact]
    public void A_failed_resolution_generates_nothing_and_is_reported_once_by_the_checks()
    {
        var broken = new HandlerSpec("global::App.Handler", ServiceLifetimeKind.Singleton, Request: null!, HandlerParser.UnitSpec, IsVoid: false, IsImplicit: true);
        var resolved = MediatorGenerator.ResolveSafely(ImmutableArray.Create(broken), ImmutableArray<MiddlewareSpec>.Empty, ImmutableArray<MessageTypeSpec>.Empty);

        var plan = MediatorGenerator.PlanSafely(resolved, Options);
        var checks = MediatorGenerator.CrossCuttingSafely(
            ImmutableArray<HandlerDiscovery>.Empty, ImmutableArray<MiddlewareDiscovery>.Empty, ImmutableArray<MessageDeclaration>.Empty, resolved: resolved);

        Assert.Equal((null, null), (plan.Plan, plan.Failure));
        Assert.Equal(resolved.Failure, Assert.Single(checks));
    }

    [Fact]
    public void A_failure_in_the_cross_cutting_checks_becomes_MED0003()
    {
        var broken = new HandlerDiscovery("global::App.Handler", null, new[] { new HandlerSpec("global::App.Handler", ServiceLifetimeKind.Singleton, null!, HandlerParser.UnitSpec, false, true) }.ToEquatableArray(), EquatableArray<Diagnostics.DiagnosticInfo>.Empty);

        var diagnostics = MediatorGenerator.CrossCuttingSafely(ImmutableArray.Create(broken), ImmutableArray<MiddlewareDiscovery>.Empty, ImmutableArray<MessageDeclaration>.Empty);

        Assert.Equal("MED0003", Assert.Single(diagnostics).Id);
    }

    [Fact]
    public void Sound_input_plans_without_failure()
    {
        var result = MediatorGenerator.PlanSafely(ImmutableArray<HandlerSpec>.Empty, ImmutableArray<MiddlewareSpec>.Empty, Options);

        Assert.Null(result.Failure);
        Assert.Empty(result.Plan!.Pipelines);
    }
}
