using Mediator.SourceGenerator.Model;

namespace Mediator.SourceGenerator.Emitting;

/// <summary>
/// Writes what a host's mediator adds for the modules it references (<c>Mediator.Modules.g.cs</c>): a typed overload per
/// message a module handles, which calls that module's static entry point for it over this mediator's services and the
/// module's cache kept in this project's (the module's pipeline, with the module's middleware, runs there; no module
/// mediator is created); what the generic paths add (<see cref="ModuleFallback"/>); and the <c>Publish</c> methods that
/// reach this project's handlers and every module's.
/// </summary>
internal static class Composer
{
    public const string HintName = "Mediator.Modules.g.cs";

    /// <summary>This project's own <c>Publish</c> methods, when the public ones also reach modules.</summary>
    public const string PublishHere = "PublishHere";

    private const string PublishInEveryProject = "PublishInEveryProject";
    private const string PublishObjectInEveryProject = "PublishObjectInEveryProject";
    private const string ComposedNotificationTypes = "ComposedNotificationTypes";

    /// <summary>The host's pipeline cache keeps each module's as <c>ComposedModulePipelines0</c>, ...</summary>
    private static string ModulePipelines(int index) => "ComposedModulePipelines" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// The fields of the host's singleton <c>PipelineCache</c> that keep each module's cache, typed as the module's cache
    /// (public and hidden in the module for this), so that a typed <c>Send</c> across modules reads a field and passes it
    /// on: no null test, no lazy fill, no cast in the module's entry point.
    /// </summary>
    public static void WriteModuleCacheFields(SourceWriter writer, MediatorPlan plan)
    {
        for (var i = 0; i < plan.Composed.Modules.Count; i++)
        {
            var module = plan.Composed.Modules[i];
            writer.Line("/// <summary>The pipeline cache of <c>" + Code.Doc(module.AssemblyName) + "</c> in this container, found when this cache is built.</summary>");
            writer.Line("internal readonly " + ModuleCache(module) + " " + ModulePipelines(i) + ";");
        }
    }

    /// <summary>
    /// The constructor's statements that find each module's cache in the container, once per container (this cache is a
    /// singleton built by the same <c>AddMediator()</c> that registers the modules). A module that is not registered there
    /// fails here, naming the module and the call to make, rather than later on its first message.
    /// </summary>
    public static void WriteModuleCacheResolution(SourceWriter writer, MediatorPlan plan)
    {
        for (var i = 0; i < plan.Composed.Modules.Count; i++)
        {
            var module = plan.Composed.Modules[i];
            writer.Line(ModulePipelines(i) + " = " + module.MediatorType + "." + ModuleEmitter.ComposedPipelines + "(services) ?? throw new global::System.InvalidOperationException(");
            writer.Line("    \"The mediator of module '" + module.AssemblyName + "' is not registered: call services." + plan.Mediator.RegistrationMethod + "() of this project, which registers the modules it references.\");");
        }
    }

    /// <summary>The module's cache class, nested in its mediator class.</summary>
    private static string ModuleCache(ModuleSpec module) => module.MediatorType + ".PipelineCache";

    /// <summary>
    /// The call of module <paramref name="module"/>'s static entry point <paramref name="entry"/> with
    /// <paramref name="message"/>, over this mediator's services and the module's cache kept in this project's.
    /// </summary>
    public static string Entry(ModuleSpec spec, int module, string entry, string message)
        => spec.MediatorType + "." + entry + "(_services, _pipelines." + ModulePipelines(module) + ", " + message + ", cancellationToken)";

    /// <summary>
    /// The last resort of the host's <c>Send(object)</c> or <c>CreateStream(object)</c>, after this project's and the modules'
    /// public types and base classes: each module that has the entry point <paramref name="entry"/> (<paramref name="has"/>),
    /// in assembly-name order, is given the message, and the first that takes it answers. This is how a module's internal
    /// messages, which the host cannot name, are reached. <c>request</c> is not null here.
    /// </summary>
    public static void WriteObjectEntries(SourceWriter writer, MediatorPlan plan, string entry, Func<ModuleSpec, bool> has)
    {
        var modules = plan.Composed.Modules;
        for (var i = 0; i < modules.Count; i++)
        {
            if (has(modules[i]))
            {
                var name = "composed" + entry.Substring("Composed".Length) + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                writer.Line("if (" + Entry(modules[i], i, entry, "request") + " is { } " + name + ") return " + name + ";");
            }
        }
    }

    public static string Emit(MediatorPlan plan)
    {
        var composition = plan.Composed;
        var writer = Code.MediatorFile(plan);
        using (Code.MediatorPart(writer, plan.Mediator))
        {
            WriteSends(writer, composition);
            ModuleFallback.Send(plan)?.WriteMembers(writer);
            ModuleFallback.SendVoid(plan)?.WriteMembers(writer);
            ModuleFallback.SendObject(plan)?.WriteMembers(writer);
            WriteStreams(writer, composition);
            ModuleFallback.CreateStream(plan)?.WriteMembers(writer);
            ModuleFallback.CreateStreamObject(plan)?.WriteMembers(writer);
            if (composition.ComposesNotifications)
            {
                WritePublishes(writer, composition);
            }
        }

        return writer.ToString();
    }

    private static IEnumerable<(ModuleMessage Message, int Module)> Each(Composition composition, Func<ModuleSpec, EquatableArray<ModuleMessage>> kind)
        => composition.Modules.SelectMany((m, i) => kind(m).Select(message => (message, i)));

    private static void WriteSends(SourceWriter writer, Composition composition)
    {
        foreach (var (request, module) in Each(composition, m => m.Requests))
        {
            writer.Line();
            writer.Line("/// <summary>Sends <c>" + Code.Doc(request.Type) + "</c> to its handler in <c>" + Code.Doc(composition.Modules[module].AssemblyName) + "</c>, through that project's pipeline.</summary>");
            writer.Line("/// <param name=\"request\">The request.</param>");
            writer.Line("/// <param name=\"cancellationToken\">Observed by the middlewares and passed to the handler.</param>");
            writer.Line(Code.AggressiveInlining);
            var returns = request.Result is null ? Code.PlainValueTask : Code.ValueTask(request.Result);
            writer.Line("public " + returns + " Send(" + request.Type + " request, " + Code.CancellationToken + " cancellationToken = default)");
            writer.Line("    => " + Call(composition, module, ModuleEmitter.ComposedSend, "request") + ";");
        }
    }

    private static void WriteStreams(SourceWriter writer, Composition composition)
    {
        foreach (var (stream, module) in Each(composition, m => m.Streams))
        {
            writer.Line();
            writer.Line("/// <summary>Opens the stream of <c>" + Code.Doc(stream.Type) + "</c> in <c>" + Code.Doc(composition.Modules[module].AssemblyName) + "</c>, through that project's pipeline.</summary>");
            writer.Line("/// <param name=\"request\">The stream request.</param>");
            writer.Line("/// <param name=\"cancellationToken\">Passed to the middlewares and the handler; cancel it to stop the stream.</param>");
            writer.Line("public " + StreamEmitter.Stream(stream.Result!) + " CreateStream(" + stream.Type + " request, " + Code.CancellationToken + " cancellationToken = default)");
            writer.Line("    => " + Call(composition, module, ModuleEmitter.ComposedCreateStream, "request") + ";");
        }
    }

    /// <summary>The call of a module's entry point (the entry point checks the message for null).</summary>
    private static string Call(Composition composition, int module, string entry, string message)
        => Entry(composition.Modules[module], module, entry, message);

    /// <summary>
    /// The public <c>Publish</c> methods: this project's handlers first (<see cref="PublishHere"/>), then each module's in
    /// assembly-name order, each with its own strategy and middleware. A failure in one project does not stop the others:
    /// their failures are gathered into one <c>PublishException</c>, as within one project.
    /// </summary>
    private static void WritePublishes(SourceWriter writer, Composition composition)
    {
        foreach (var notification in composition.Notifications)
        {
            writer.Line();
            var receivers = (notification.HandledHere ? new[] { "this project" } : Array.Empty<string>())
                .Concat(notification.Modules.Select(i => "<c>" + Code.Doc(composition.Modules[i].AssemblyName) + "</c>"));
            writer.Line("/// <summary>Publishes <c>" + Code.Doc(notification.Type) + "</c> to its handlers in " + string.Join(", ", receivers) + ", in that order.</summary>");
            writer.Line("/// <param name=\"notification\">The notification.</param>");
            writer.Line("/// <param name=\"cancellationToken\">Observed by the middlewares and passed to the handlers.</param>");
            writer.Line("/// <exception cref=\"global::Mediator.PublishException\">One or more handlers failed; the others still ran.</exception>");
            var calls = (notification.HandledHere ? new[] { PublishHere + "(notification, cancellationToken)" } : Array.Empty<string>())
                .Concat(notification.Modules.Select(i => Call(composition, i, ModuleEmitter.ComposedPublish, "notification")))
                .ToList();
            // An internal notification of this project gets an internal overload, as it does in a project without modules.
            var accessibility = notification.IsPublic ? "public " : "internal ";
            WritePublish(writer, accessibility + Code.PlainValueTask + " Publish(" + notification.Type + " notification, " + Code.CancellationToken + " cancellationToken = default)", null, !notification.IsValueType, calls);
        }

        WriteGenericPublish(writer, composition, GenericPublish);
        WriteGenericPublish(writer, composition, ObjectPublish);
        writer.Line();
        writer.Line("/// <summary>");
        writer.Line("/// <c>Publish(object)</c>'s last resort, for a type no typed overload takes (a subclass of a handled notification, a module's");
        writer.Line("/// internal notification, or a type nobody handles): each project's own <c>Publish(object)</c> takes it or lets it pass.");
        writer.Line("/// </summary>");
        var objectReceivers = new[] { PublishHere + "(notification, cancellationToken)" }
            .Concat(composition.Modules.Select((m, i) => (m, i)).Where(x => x.m.PublishesObjects).Select(x => Entry(x.m, x.i, ObjectDispatch.ComposedPublishObject, "notification")))
            .ToList();
        WritePublish(writer, "private " + Code.PlainValueTask + " " + PublishObjectInEveryProject + "(object notification, " + Code.CancellationToken + " cancellationToken)", null, false, objectReceivers);
        writer.Line();
        writer.Line("/// <summary>");
        writer.Line("/// The generic <c>Publish</c>'s last resort, for a type no project lists (a subclass of a handled notification, or a type");
        writer.Line("/// nobody handles): each project's own generic <c>Publish</c> takes it or lets it pass.");
        writer.Line("/// </summary>");
        var withSubclasses = composition.Modules.Select((m, i) => (m, i)).Where(x => x.m.Notifications.Any(n => n.CanBeDerived)).ToList();
        var everyone = new[] { PublishHere + "(notification, cancellationToken)" }
            .Concat(withSubclasses.Select(x => ModulePublish(x.i) + "(notification, cancellationToken)"))
            .ToList();
        WritePublish(writer, "private " + Code.PlainValueTask + " " + PublishInEveryProject + "<TNotification>(TNotification notification, " + Code.CancellationToken + " cancellationToken)", "where TNotification : global::Mediator.INotification", false, everyone);
        foreach (var (module, index) in withSubclasses)
        {
            WriteModuleBaseTypes(writer, module, index);
        }
    }

    private static string ModulePublish(int module) => "ComposedModulePublish" + module.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// A notification of a type no project lists, for one module: the nearest of its base classes that the module handles,
    /// deepest first (as the module's own generic <c>Publish</c> chooses), through that type's entry point; none, nothing.
    /// </summary>
    private static void WriteModuleBaseTypes(SourceWriter writer, ModuleSpec module, int index)
    {
        writer.Line();
        writer.Line("/// <summary>Publishes a notification of a type no project lists to the handlers of its nearest base class in <c>" + Code.Doc(module.AssemblyName) + "</c>, if any.</summary>");
        writer.Line("private " + Code.PlainValueTask + " " + ModulePublish(index) + "<TNotification>(TNotification notification, " + Code.CancellationToken + " cancellationToken)");
        using (writer.Block("    where TNotification : global::Mediator.INotification"))
        {
            // A struct derives from no class: only a class can reach a base class's handlers (and 'is' would box a struct).
            writer.Line("if (typeof(TNotification).IsValueType) return default;");
            var bases = module.Notifications.Where(n => n.CanBeDerived)
                .OrderByDescending(n => n.InheritanceDepth)
                .ThenBy(n => n.Type, StringComparer.Ordinal)
                .Select((n, i) => (n, i));
            foreach (var (notification, i) in bases)
            {
                var name = "composed" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                writer.Line("if (notification is " + notification.Type + " " + name + ") return " + Entry(module, index, ModuleEmitter.ComposedPublish, name) + ";");
            }

            writer.Line("return default;");
        }
    }

    /// <summary>
    /// What tells the host's generic <c>Publish&lt;TNotification&gt;</c> and its <c>Publish(object)</c> apart: the signature,
    /// how the notification's runtime type is read, and what is done with a type no typed overload takes.
    /// </summary>
    private sealed record PublishEntry(string Signature, string? Constraint, bool WritesIndex, string RuntimeType, string RuntimeTypeHandle, IReadOnlyList<string> Otherwise);

    private static readonly PublishEntry GenericPublish = new(
        "public " + Code.PlainValueTask + " Publish<TNotification>(TNotification notification, " + Code.CancellationToken + " cancellationToken = default)",
        "where TNotification : global::Mediator.INotification",
        WritesIndex: true,
        PublishEmitter.RuntimeType,
        PublishEmitter.RuntimeTypeHandle,
        new[] { "return " + PublishInEveryProject + "(notification, cancellationToken);" });

    private static readonly PublishEntry ObjectPublish = new(
        "public " + Code.PlainValueTask + " Publish(object notification, " + Code.CancellationToken + " cancellationToken = default)",
        null,
        WritesIndex: false,
        "notification.GetType()",
        TypeSwitch.HandleOf("notification"),
        new[]
        {
            // Thrown here, before any project runs a handler, as within one project.
            "if (!(notification is global::Mediator.INotification)) throw " + Code.DynamicDispatch + ".NotANotification(notification);",
            "return " + PublishObjectInEveryProject + "(notification, cancellationToken);",
        });

    /// <summary>
    /// <c>IPublisher.Publish&lt;TNotification&gt;</c> or <c>Publish(object)</c> in a host: a notification whose runtime type
    /// a project lists goes through its typed overload above, which calls only the projects that handle it (or a supertype
    /// of it); a chain of exact type tests, or above <see cref="TypeSwitch.ChainLimit"/> types a table and a switch. Any
    /// other type goes to every project's own generic or object <c>Publish</c>, which is where a subclass finds the
    /// handlers of its base classes (and, for <c>Publish(object)</c>, a module its internal notifications).
    /// </summary>
    private static void WriteGenericPublish(SourceWriter writer, Composition composition, PublishEntry entry)
    {
        var notifications = composition.Notifications;
        var table = TypeSwitch.UsesTable(notifications.Count);
        writer.Line();
        if (table && entry.WritesIndex)
        {
            TypeSwitch.WriteIndex(writer, ComposedNotificationTypes, notifications.Select(n => "typeof(" + n.Type + ")").ToList(), "notification types of this project and its modules");
            writer.Line();
        }

        writer.Line("/// <inheritdoc />");
        var signature = entry.Signature;
        if (entry.Constraint is { } constraint)
        {
            writer.Line(signature);
            signature = "    " + constraint;
        }

        using (writer.Block(signature))
        {
            writer.Line("if (notification is null) ThrowNotificationNull();");
            if (table)
            {
                using (writer.Block("switch (" + ComposedNotificationTypes + ".IndexOf(" + entry.RuntimeTypeHandle + "))"))
                {
                    for (var i = 0; i < notifications.Count; i++)
                    {
                        writer.Line("case " + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + ": return Publish(" + ModuleFallback.Cast(notifications[i].Type, notifications[i].IsValueType, "notification") + ", cancellationToken);");
                    }
                }
            }
            else if (notifications.Count > 0)
            {
                writer.Line("global::System.Type type = " + entry.RuntimeType + ";");
                foreach (var notification in notifications)
                {
                    writer.Line("if (type == typeof(" + notification.Type + ")) return Publish(" + ModuleFallback.Cast(notification.Type, notification.IsValueType, "notification") + ", cancellationToken);");
                }
            }

            foreach (var line in entry.Otherwise)
            {
                writer.Line(line);
            }
        }
    }

    /// <summary>
    /// Awaits each project's <c>Publish</c> in turn (async only here, where more than one project receives the message);
    /// a <c>PublishException</c> of one is kept, the next still runs, and their failures are thrown together at the end.
    /// </summary>
    private static void WritePublish(SourceWriter writer, string signature, string? constraint, bool nullCheck, IReadOnlyList<string> calls)
    {
        if (calls.Count > 1)
        {
            // Only the accessibility at the start takes "async" (a parameter type could contain the word).
            var space = signature.IndexOf(' ');
            signature = signature.Substring(0, space) + " async" + signature.Substring(space);
        }

        if (constraint is not null)
        {
            writer.Line(signature);
            signature = "    " + constraint;
        }

        using (writer.Block(signature))
        {
            if (nullCheck)
            {
                writer.Line("if (notification is null) ThrowNotificationNull();");
            }

            if (calls.Count == 1)
            {
                writer.Line("return " + calls[0] + ";");
                return;
            }

            writer.Line("global::System.Collections.Generic.List<global::Mediator.NotificationFailure>? failures = null;");
            foreach (var call in calls)
            {
                writer.Line("try { await " + call + ".ConfigureAwait(false); }");
                writer.Line("catch (global::Mediator.PublishException exception) { (failures ??= new global::System.Collections.Generic.List<global::Mediator.NotificationFailure>()).AddRange(exception.Failures); }");
            }

            writer.Line("if (failures != null) throw new global::Mediator.PublishException(notification.GetType(), failures);");
        }
    }
}
