namespace Mediator.SourceGenerator.Model;

/// <summary>Everything the emitters write: the mediator class, its pipelines and the service registrations.</summary>
/// <param name="Mediator">The generated class's namespace and name.</param>
/// <param name="EmitServiceCollection">Whether <c>Microsoft.Extensions.DependencyInjection</c> is referenced, so <c>AddMediator()</c> can be written.</param>
/// <param name="Pipelines">One per request type, ordered by request type.</param>
/// <param name="Services">Handlers and middlewares to register, ordered by type.</param>
/// <param name="Notifications">One per concrete notification type with at least one handler, ordered by type.</param>
/// <param name="Streams">One per stream request type, ordered by type.</param>
/// <param name="Composition">The referenced modules whose messages this mediator forwards (<see cref="Planning.ModuleComposer"/>).</param>
internal sealed record MediatorPlan(
    MediatorName Mediator,
    bool EmitServiceCollection,
    EquatableArray<PipelinePlan> Pipelines,
    EquatableArray<ServiceRegistration> Services,
    EquatableArray<NotificationPlan> Notifications,
    EquatableArray<StreamPlan> Streams,
    Composition? Composition = null)
{
    /// <summary>The referenced modules this mediator forwards to; none unless this project references a module.</summary>
    public Composition Composed => Composition ?? Model.Composition.None;
}

/// <summary>A class the container must know, with its lifetime.</summary>
/// <param name="Type">The class.</param>
/// <param name="Lifetime">Its lifetime.</param>
/// <param name="NamesObsolete">
/// Its name mentions an <c>[Obsolete]</c> type: it is registered by the pipelines that use it, inside their obsolete
/// context (<see cref="UsageMarks.NeedObsoleteContext"/>), not by <c>AddMediator()</c> itself.
/// </param>
internal sealed record ServiceRegistration(string Type, ServiceLifetimeKind Lifetime, bool NamesObsolete = false);
