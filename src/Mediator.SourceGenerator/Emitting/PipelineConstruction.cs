using Mediator.SourceGenerator.Model;

namespace Mediator.SourceGenerator.Emitting;

/// <summary>
/// How a pipeline gets its components: its constructor arguments, each an expression over a provider named <c>sp</c>
/// (the container resolves each component with its own registration and lifetime). A singleton pipeline is registered
/// in <c>AddMediator()</c> with a factory that passes them once. Any other pipeline is not a service: its static
/// <c>Create</c> passes them on every dispatch, from the provider the mediator was resolved from, so that a scope holds
/// only its scoped components and never a pipeline object besides them (a scope's storage grows with each scoped
/// instance; see docs/benchmarks.md, "Where a scoped Send's cost goes").
/// </summary>
internal static class PipelineConstruction
{
    private const string GetRequired = "global::Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService";

    /// <summary>The observer, which may not be registered, read from the provider (a singleton pipeline's registration).</summary>
    private const string Observer = "(global::Mediator.IDispatchObserver?)sp.GetService(typeof(global::Mediator.IDispatchObserver))";

    /// <summary>
    /// The parameter through which <c>Create</c> of a request or stream pipeline takes the observer: the mediator passes
    /// the one its cache read once from the root provider (<c>PipelineCache.Observer</c>), as a singleton pipeline and
    /// the notification pipelines' shared runtime hold it, rather than look it up on every dispatch.
    /// </summary>
    public const string ObserverParameter = "observer";

    /// <summary>
    /// Built by the mediator on each dispatch rather than resolved: a pipeline with a scoped or transient component. Its
    /// scoped components are the scope's own either way; only singleton pipelines are worth keeping.
    /// </summary>
    public static bool IsBuiltPerDispatch(MessageShape pipeline) => pipeline.Lifetime != ServiceLifetimeKind.Singleton;

    /// <summary>
    /// A request pipeline built per dispatch is a value type: building it allocates nothing, and its steps hold a copy of
    /// it (a few references) where a cached pipeline's steps hold one reference to it.
    /// </summary>
    public static bool IsValueType(PipelinePlan pipeline) => IsBuiltPerDispatch(pipeline.Shape);

    /// <summary>A request's or stream's pipeline: its steps, its handler, then the observer (read from <c>sp</c>, or <paramref name="observer"/>).</summary>
    public static IReadOnlyList<string> Arguments(EquatableArray<PipelineStep> steps, string handlerType, string getServiceOr, string observer = Observer)
        => steps.Select(s => Construct(s, getServiceOr)).Concat(new[] { Resolve(handlerType), observer }).ToList();

    /// <summary>Whether the mediator's cache reads the observer for per-dispatch request and stream pipelines.</summary>
    public static bool NeedsCachedObserver(MediatorPlan plan)
        => plan.Pipelines.Any(p => IsBuiltPerDispatch(p.Shape)) || plan.Streams.Any(p => IsBuiltPerDispatch(p.Shape));

    /// <summary>A notification's pipeline: its fields (<see cref="NotificationFields"/>), then the shared publish runtime.</summary>
    public static IReadOnlyList<string> Arguments(NotificationPlan pipeline, string getServiceOr)
        => NotificationFields.For(pipeline).Select(f => f.Step is { } step ? Construct(step, getServiceOr) : Resolve(f.Type))
            .Concat(new[] { Resolve(Code.PublishRuntime) })
            .ToList();

    /// <summary>
    /// The name through which code outside the registration class reaches its <c>GetServiceOr</c> (a per-message
    /// middleware's optional parameter).
    /// </summary>
    public static string QualifiedGetServiceOr(MediatorName mediator)
        => "global::" + MediatorName.RegistrationNamespace + "." + mediator.RegistrationClass + ".GetServiceOr";

    /// <summary>
    /// Writes the static <c>Create</c> of a pipeline built per dispatch. It sits in the pipeline itself, an obsolete
    /// context when the pipeline names obsolete types (<see cref="UsageEmitter"/>), so the mediator names only the class.
    /// </summary>
    public static void WriteCreate(SourceWriter writer, MessageShape pipeline, IReadOnlyList<string> arguments, bool takesObserver)
    {
        writer.Line("/// <summary>");
        writer.Line("/// Builds the pipeline for one dispatch from <paramref name=\"sp\"/>, the provider the mediator was resolved from: each");
        writer.Line("/// component comes with its own registration and lifetime (the scope's scoped instances, a new transient, the shared singletons).");
        writer.Line("/// </summary>");
        writer.Line(Code.AggressiveInlining);
        var parameters = Code.ServiceProvider + " sp" + (takesObserver ? ", " + Code.Observer + "? " + ObserverParameter : string.Empty);
        writer.Line("public static " + pipeline.ClassName + " Create(" + parameters + ")");
        writer.Line("    => new " + pipeline.ClassName + "(" + string.Join(", ", arguments) + ");");
    }

    /// <summary>The <c>Create</c> of a request or stream pipeline built per dispatch, which takes the observer.</summary>
    public static void WriteCreate(SourceWriter writer, MessageShape pipeline, EquatableArray<PipelineStep> steps, string handlerType)
        => WriteCreate(writer, pipeline, Arguments(steps, handlerType, QualifiedGetServiceOr(pipeline.Mediator), ObserverParameter), takesObserver: true);

    /// <summary>The line of a pipeline's doc comment that says it is built per dispatch, when it is.</summary>
    public static void WritePerDispatchNote(SourceWriter writer, MessageShape pipeline)
    {
        if (IsBuiltPerDispatch(pipeline))
        {
            writer.Line("/// A component is " + (pipeline.NeedsScope ? "scoped" : "transient") + ": the mediator builds the pipeline on each dispatch (<c>Create</c>), it is not a service.");
        }
    }

    private static string Resolve(string type) => GetRequired + "<" + type + ">(sp)";

    /// <summary>
    /// A container-resolved middleware, or, for one configured by the message's attribute, a <c>new</c> with the
    /// attribute rebuilt from its constants and the other parameters from the container (through
    /// <paramref name="getServiceOr"/> for optional ones).
    /// </summary>
    private static string Construct(PipelineStep step, string getServiceOr)
    {
        if (!step.IsConfigured)
        {
            return Resolve(step.MiddlewareType);
        }

        var arguments = step.Arguments.Select(a => a.Source switch
        {
            ParameterSource.Service => Resolve(a.Type),
            ParameterSource.OptionalService => getServiceOr + "<" + a.Type + ">(sp, " + a.Expression + ")",
            _ => a.Expression,
        });
        return "new " + step.MiddlewareType + "(" + string.Join(", ", arguments) + ")";
    }
}
