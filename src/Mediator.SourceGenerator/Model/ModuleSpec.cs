namespace Mediator.SourceGenerator.Model;

/// <summary>
/// A referenced project with handlers (a module), as its metadata describes it: the mediator generated there and the
/// messages its static entry points (one per public typed overload) take. A host's mediator forwards these messages to it.
/// </summary>
/// <param name="AssemblyName">The module's assembly, for diagnostics.</param>
/// <param name="MediatorType">The module's generated mediator class, <c>global::</c>-qualified.</param>
/// <param name="Requests">Request types with a public <c>Send</c> overload.</param>
/// <param name="Notifications">Notification types with a public <c>Publish</c> overload.</param>
/// <param name="Streams">Stream request types with a public <c>CreateStream</c> overload.</param>
internal sealed record ModuleSpec(
    string AssemblyName,
    string MediatorType,
    EquatableArray<ModuleMessage> Requests,
    EquatableArray<ModuleMessage> Notifications,
    EquatableArray<ModuleMessage> Streams)
{
    /// <summary>
    /// The module has <c>ComposedSendObject</c>: it has request pipelines, maybe of internal types the host cannot name,
    /// and takes any object to them (<see cref="Emitting.ObjectDispatch"/>).
    /// </summary>
    public bool SendsObjects { get; init; }

    /// <summary>The module has <c>ComposedPublishObject</c> (it has notification pipelines).</summary>
    public bool PublishesObjects { get; init; }

    /// <summary>The module has <c>ComposedCreateStreamObject</c> (it has stream pipelines).</summary>
    public bool StreamsObjects { get; init; }
}

/// <summary>One message a module handles.</summary>
/// <param name="Type">The message type, <c>global::</c>-qualified.</param>
/// <param name="Result">The response (null for a void request or a notification) or the stream's item type.</param>
/// <param name="IsValueType">A struct: the generic dispatch unboxes it instead of reinterpreting it.</param>
/// <param name="Supertypes">
/// Its base classes and interfaces: for a notification, a module that handles one of them receives it too; for a request,
/// a call whose argument is typed as one of them may reach it (<c>Checks/HandledMessages</c>).
/// </param>
internal sealed record ModuleMessage(string Type, string? Result, bool IsValueType, EquatableArray<string> Supertypes = default)
{
    /// <summary>A class that is not sealed: the host's generic dispatch sends its subclasses to it, as one project does.</summary>
    public bool CanBeDerived { get; init; }

    /// <summary>Its number of base classes (as <see cref="MessageShape.InheritanceDepth"/>): deeper types are tried first.</summary>
    public int InheritanceDepth { get; init; }
}

/// <summary>The modules among a project's references and what was wrong with the others.</summary>
internal sealed record ModuleReferences(EquatableArray<ModuleSpec> Modules, EquatableArray<Diagnostics.DiagnosticInfo> Diagnostics)
{
    public static readonly ModuleReferences None = new(EquatableArray<ModuleSpec>.Empty, EquatableArray<Diagnostics.DiagnosticInfo>.Empty);
}

/// <summary>
/// What the host's mediator forwards: the modules it keeps (each message in one place only), every notification type that
/// reaches handlers here or in a module, and the conflicts found.
/// </summary>
/// <param name="Modules">The modules, in assembly-name order, without messages this project or an earlier module handles.</param>
/// <param name="Notifications">Each notification type with public handlers in any module, with where it goes.</param>
/// <param name="Diagnostics">A message handled in two projects (MED0041).</param>
internal sealed record Composition(
    EquatableArray<ModuleSpec> Modules,
    EquatableArray<ComposedNotification> Notifications,
    EquatableArray<Diagnostics.DiagnosticInfo> Diagnostics)
{
    public static readonly Composition None = new(EquatableArray<ModuleSpec>.Empty, EquatableArray<ComposedNotification>.Empty, EquatableArray<Diagnostics.DiagnosticInfo>.Empty);

    public bool IsEmpty => Modules.Count == 0;

    /// <summary>
    /// Whether the host's <c>Publish</c> methods fan out to modules (and its own become <c>PublishHere</c>): a module has
    /// notification pipelines, public ones or only internal ones, which <c>Publish(object)</c> reaches.
    /// </summary>
    public bool ComposesNotifications => Notifications.Count > 0 || Modules.Any(m => m.PublishesObjects);
}

/// <summary>A notification type the host's typed <c>Publish</c> takes, and who receives it.</summary>
/// <param name="Type">The notification type.</param>
/// <param name="IsValueType">A struct: no null check.</param>
/// <param name="HandledHere">This project has a pipeline for it (its <c>PublishHere</c> overload).</param>
/// <param name="Modules">Indexes into <see cref="Composition.Modules"/> of the modules that handle it or a supertype of it.</param>
/// <param name="IsPublic">The type is public (a module's always is), so its typed <c>Publish</c> can be; else it is internal, as this project's own typed overload of it is.</param>
internal sealed record ComposedNotification(string Type, bool IsValueType, bool HandledHere, EquatableArray<int> Modules, bool IsPublic = true);
