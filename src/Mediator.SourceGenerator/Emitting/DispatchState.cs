namespace Mediator.SourceGenerator.Emitting;

/// <summary>
/// Where a dispatch reads what it needs besides the message: the services to build per-dispatch pipelines from and the
/// cache of singleton pipelines. The mediator's methods read its fields; a module's static entry points (which a host
/// calls instead of creating the module's mediator, <see cref="ModuleEmitter"/>) read their parameters.
/// </summary>
internal sealed class DispatchState
{
    /// <summary>The mediator's own fields, and its <c>InScope</c> check.</summary>
    public static readonly DispatchState Fields = new("_services", "_pipelines", "InScope(", isStatic: false);

    /// <summary>A module entry point's parameters <c>services</c> and <c>pipelines</c> (the module's own cache type, as the host keeps it).</summary>
    public static readonly DispatchState Parameters = new("services", "pipelines", ModuleEmitter.ComposedInScope + "(services, pipelines, ", isStatic: true);

    private readonly string _inScopeCall;

    private DispatchState(string services, string pipelines, string inScopeCall, bool isStatic)
    {
        Services = services;
        Pipelines = pipelines;
        _inScopeCall = inScopeCall;
        IsStatic = isStatic;
    }

    /// <summary>
    /// Whether a dispatch over this state is a static method (a module's entry point), which takes the services and the
    /// cache as its first parameters (<see cref="LeadingParameters"/>) and passes them on to its helpers.
    /// </summary>
    public bool IsStatic { get; }

    /// <summary>The parameters a static dispatch takes before the message, with the comma after them; empty for the fields.</summary>
    public string LeadingParameters => IsStatic ? Code.ServiceProvider + " services, PipelineCache pipelines, " : string.Empty;

    /// <summary>The arguments a static dispatch passes its helpers before the message, with the comma after them; empty for the fields.</summary>
    public string LeadingArguments => IsStatic ? "services, pipelines, " : string.Empty;

    /// <summary>The expression for the caller's services.</summary>
    public string Services { get; }

    /// <summary>The expression for the pipeline cache.</summary>
    public string Pipelines { get; }

    /// <summary>The services to build a pipeline with a scoped component from, after the check that they are a scope.</summary>
    public string InScope(string messageType) => _inScopeCall + messageType + ")";
}
