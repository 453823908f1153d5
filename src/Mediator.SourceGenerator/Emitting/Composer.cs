using Mediator.SourceGenerator.Model;

namespace Mediator.SourceGenerator.Emitting;

/// <summary>
/// Writes what a host's mediator adds for the modules it references (<c>Mediator.Modules.g.cs</c>): each module's
/// mediator, resolved on first use; a typed overload per message a module handles, which calls that module's typed
/// overload (the module's pipeline, with the module's middleware, runs there); the generic paths' fallbacks; and the
/// <c>Publish</c> methods that reach this project's handlers and every module's.
/// </summary>
internal static class Composer
{
    public const string HintName = "Mediator.Modules.g.cs";

    /// <summary>This project's own <c>Publish</c> methods, when the public ones also reach modules.</summary>
    public const string PublishHere = "PublishHere";

    private const string SendToModules = "SendToModules";
    private const string SendVoidToModules = "SendVoidToModules";
    private const string CreateStreamInModules = "CreateStreamInModules";
    private const string PublishInEveryProject = "PublishInEveryProject";
    private const string ModuleRequestTypes = "ModuleRequestTypes";
    private const string ModuleStreamTypes = "ModuleStreamTypes";
    private const string ComposedNotificationTypes = "ComposedNotificationTypes";

    /// <summary>The names this file declares in the mediator class, which its name cannot take (MED0036).</summary>
    public static readonly string[] MemberNames = { PublishHere, SendToModules, SendVoidToModules, CreateStreamInModules, PublishInEveryProject, ModuleRequestTypes, ModuleStreamTypes, ComposedNotificationTypes, "ResolveModule", "ThrowModuleRequestNull", ModuleEmitter.ComposedPipelines, ModuleEmitter.ComposedMediator };

    /// <summary>Module fields and properties are named <c>_composedModule0</c>, <c>ComposedModule0</c>, ...</summary>
    private static string Module(int index) => "ComposedModule" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The host's pipeline cache keeps each module's as <c>ComposedModulePipelines0</c>, ...</summary>
    private static string ModulePipelines(int index) => "ComposedModulePipelines" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Field(string property) => "_" + property.Substring(0, 1).ToLowerInvariant() + property.Substring(1);

    /// <summary>
    /// The members of the host's singleton <c>PipelineCache</c> that keep each module's cache, found in the container on
    /// first use: one lookup per container instead of one per host mediator.
    /// </summary>
    public static void WriteModuleCaches(SourceWriter writer, MediatorPlan plan)
    {
        for (var i = 0; i < plan.Composed.Modules.Count; i++)
        {
            var module = plan.Composed.Modules[i];
            var field = Field(ModulePipelines(i));
            writer.Line();
            writer.Line("private object? " + field + ";");
            writer.Line();
            writer.Line("/// <summary>The pipeline cache of <c>" + Code.Doc(module.AssemblyName) + "</c> in this container.</summary>");
            writer.Line("public object " + ModulePipelines(i));
            writer.Line("{");
            writer.Line("    " + Code.AggressiveInlining);
            writer.Line("    get => " + field + " ?? (" + field + " = " + module.MediatorType + "." + ModuleEmitter.ComposedPipelines + "(_services) ?? throw new global::System.InvalidOperationException(");
            writer.Line("        \"The mediator of module '" + module.AssemblyName + "' is not registered: call services." + plan.Mediator.RegistrationMethod + "() of this project, which registers the modules it references.\"));");
            writer.Line("}");
        }
    }

    public static Action<SourceWriter>? SendNotFound(MediatorPlan plan)
        => plan.Composed.Modules.Any(m => m.Requests.Count > 0) ? w => w.Line("return " + SendToModules + "(request, cancellationToken);") : null;

    public static Action<SourceWriter>? SendVoidNotFound(MediatorPlan plan)
        => plan.Composed.Modules.Any(m => m.Requests.Any(r => r.Result is null)) ? w => w.Line("return " + SendVoidToModules + "(request, cancellationToken);") : null;

    public static Action<SourceWriter>? CreateStreamNotFound(MediatorPlan plan)
        => plan.Composed.Modules.Any(m => m.Streams.Count > 0) ? w => w.Line("return " + CreateStreamInModules + "(request, cancellationToken);") : null;

    public static string Emit(MediatorPlan plan)
    {
        var composition = plan.Composed;
        var writer = Code.MediatorFile(plan);
        using (Code.MediatorPart(writer, plan.Mediator))
        {
            for (var i = 0; i < composition.Modules.Count; i++)
            {
                var module = composition.Modules[i];
                var field = Field(Module(i));
                writer.Line("private " + module.MediatorType + "? " + field + ";");
                writer.Line();
                writer.Line("/// <summary>The mediator of <c>" + Code.Doc(module.AssemblyName) + "</c> over this mediator's services, built on first use (no container lookup: the module's cache is kept in this project's).</summary>");
                writer.Line("private " + module.MediatorType + " " + Module(i));
                writer.Line("{");
                writer.Line("    " + Code.AggressiveInlining);
                writer.Line("    get => " + field + " ?? (" + field + " = " + module.MediatorType + "." + ModuleEmitter.ComposedMediator + "(_services, _pipelines." + ModulePipelines(i) + "));");
                writer.Line("}");
                writer.Line();
            }

            WriteSends(writer, composition);
            WriteStreams(writer, composition);
            if (composition.ComposesNotifications)
            {
                WritePublishes(writer, composition);
            }
        }

        return writer.ToString();
    }

    private static IEnumerable<(ModuleMessage Message, int Module)> Each(Composition composition, Func<ModuleSpec, EquatableArray<ModuleMessage>> kind)
        => composition.Modules.SelectMany((m, i) => kind(m).Select(message => (message, i)));

    private static string Cast(ModuleMessage message, string variable)
        => message.IsValueType ? "(" + message.Type + ")(object)" + variable : Code.Unsafe + ".As<" + message.Type + ">(" + variable + ")";

    private static void NullCheck(SourceWriter writer, ModuleMessage message, string name, string thrower)
    {
        if (!message.IsValueType)
        {
            writer.Line("if (" + name + " is null) " + thrower + "();");
        }
    }

    private static void WriteSends(SourceWriter writer, Composition composition)
    {
        var requests = Each(composition, m => m.Requests).ToList();
        if (requests.Count == 0)
        {
            return;
        }

        foreach (var (request, module) in requests)
        {
            writer.Line();
            writer.Line("/// <summary>Sends <c>" + Code.Doc(request.Type) + "</c> to its handler in <c>" + Code.Doc(composition.Modules[module].AssemblyName) + "</c>, through that project's pipeline.</summary>");
            writer.Line("/// <param name=\"request\">The request.</param>");
            writer.Line("/// <param name=\"cancellationToken\">Observed by the middlewares and passed to the handler.</param>");
            writer.Line(Code.AggressiveInlining);
            var returns = request.Result is null ? Code.PlainValueTask : Code.ValueTask(request.Result);
            using (writer.Block("public " + returns + " Send(" + request.Type + " request, " + Code.CancellationToken + " cancellationToken = default)"))
            {
                NullCheck(writer, request, "request", "ThrowModuleRequestNull");
                writer.Line("return " + Module(module) + ".Send(request, cancellationToken);");
            }
        }

        writer.Line();
        writer.Line("/// <summary>The generic <c>Send</c>'s last resort: the requests of the modules, by exact type.</summary>");
        var table = TypeSwitch.UsesTable(requests.Select(r => r.Message.Type).Distinct().Count());
        if (table)
        {
            WriteModuleIndex(writer, ModuleRequestTypes, requests, "request types of the modules");
        }

        using (writer.Block("private " + Code.ValueTask("TResponse") + " " + SendToModules + "<TResponse>(global::Mediator.IRequest<TResponse> request, " + Code.CancellationToken + " cancellationToken)"))
        {
            if (table)
            {
                WriteModuleSwitch(writer, ModuleRequestTypes, requests, requests, "Send");
                writer.Line("throw new global::Mediator.HandlerNotFoundException(request.GetType());");
            }
            else
            {
                writer.Line("global::System.Type type = request.GetType();");
                foreach (var (request, module) in requests)
                {
                    var result = request.Result ?? "global::Mediator.Unit";
                    using (writer.Block("if (type == typeof(" + request.Type + ") && typeof(TResponse) == typeof(" + result + "))"))
                    {
                        var call = Module(module) + ".Send(" + Cast(request, "request") + ", cancellationToken)";
                        writer.Line(Code.ValueTask(result) + " task = " + (request.Result is null ? "global::Mediator.Internal.ValueTasks.ToUnit(" + call + ")" : call) + ";");
                        writer.Line("return " + Code.Unsafe + ".As<" + Code.ValueTask(result) + ", " + Code.ValueTask("TResponse") + ">(ref task);");
                    }
                }

                writer.Line("throw new global::Mediator.HandlerNotFoundException(type);");
            }
        }

        var voids = requests.Where(r => r.Message.Result is null).ToList();
        if (voids.Count > 0)
        {
            writer.Line();
            writer.Line("/// <summary>The void <c>Send</c>'s last resort: the void requests of the modules, by exact type.</summary>");
            using (writer.Block("private " + Code.PlainValueTask + " " + SendVoidToModules + "(global::Mediator.IRequest request, " + Code.CancellationToken + " cancellationToken)"))
            {
                if (table)
                {
                    // The generic Send's table, whose positions are every module request type's; only void ones have a case.
                    WriteModuleSwitch(writer, ModuleRequestTypes, requests, voids, "Send");
                    writer.Line("throw new global::Mediator.HandlerNotFoundException(request.GetType());");
                }
                else
                {
                    writer.Line("global::System.Type type = request.GetType();");
                    foreach (var (request, module) in voids)
                    {
                        writer.Line("if (type == typeof(" + request.Type + ")) return " + Module(module) + ".Send(" + Cast(request, "request") + ", cancellationToken);");
                    }

                    writer.Line("throw new global::Mediator.HandlerNotFoundException(type);");
                }
            }
        }

        writer.Line();
        writer.Line("[global::System.Diagnostics.CodeAnalysis.DoesNotReturn]");
        writer.Line("private static void ThrowModuleRequestNull() => throw new global::System.ArgumentNullException(\"request\");");
    }

    /// <summary>
    /// The table of the modules' message types (each once, in module order), for a generic path with more than
    /// <see cref="TypeSwitch.ChainLimit"/> of them: a lookup in constant time instead of a test per type.
    /// </summary>
    private static void WriteModuleIndex(SourceWriter writer, string name, IReadOnlyList<(ModuleMessage Message, int Module)> messages, string what)
    {
        TypeSwitch.WriteIndex(writer, name, Distinct(messages).Select(m => "typeof(" + m.Message.Type + ")").ToList(), what);
        writer.Line();
    }

    /// <summary>The messages of <paramref name="messages"/> with a type not listed before (a message handled in two modules is MED0041).</summary>
    private static List<(ModuleMessage Message, int Module)> Distinct(IReadOnlyList<(ModuleMessage Message, int Module)> messages)
        => messages.GroupBy(m => m.Message.Type, StringComparer.Ordinal).Select(g => g.First()).ToList();

    /// <summary>
    /// A switch on the message's position in <paramref name="index"/>: the positions of each module's types (of
    /// <paramref name="taken"/>) share one case, which hands the message to that module's own generic
    /// <paramref name="method"/>. The module's dispatch then finds the pipeline (and tests the result type), so the host
    /// writes a case label per type and a call per module, not a call per type.
    /// </summary>
    private static void WriteModuleSwitch(SourceWriter writer, string index, IReadOnlyList<(ModuleMessage Message, int Module)> indexed, IReadOnlyList<(ModuleMessage Message, int Module)> taken, string method)
    {
        var positions = Distinct(indexed).Select((m, i) => (m.Message.Type, i)).ToDictionary(x => x.Type, x => x.i, StringComparer.Ordinal);
        using (writer.Block("switch (" + index + ".IndexOf(" + TypeSwitch.HandleOf("request") + "))"))
        {
            foreach (var module in Distinct(taken).GroupBy(m => m.Module).OrderBy(g => g.Key))
            {
                foreach (var (message, _) in module)
                {
                    writer.Line("case " + positions[message.Type].ToString(System.Globalization.CultureInfo.InvariantCulture) + ":");
                }

                writer.Line("    return " + Module(module.Key) + "." + method + "(request, cancellationToken);");
            }
        }
    }

    private static string Stream(string item) => "global::System.Collections.Generic.IAsyncEnumerable<" + item + ">";

    private static void WriteStreams(SourceWriter writer, Composition composition)
    {
        var streams = Each(composition, m => m.Streams).ToList();
        if (streams.Count == 0)
        {
            return;
        }

        foreach (var (stream, module) in streams)
        {
            writer.Line();
            writer.Line("/// <summary>Opens the stream of <c>" + Code.Doc(stream.Type) + "</c> in <c>" + Code.Doc(composition.Modules[module].AssemblyName) + "</c>, through that project's pipeline.</summary>");
            writer.Line("/// <param name=\"request\">The stream request.</param>");
            writer.Line("/// <param name=\"cancellationToken\">Passed to the middlewares and the handler; cancel it to stop the stream.</param>");
            using (writer.Block("public " + Stream(stream.Result!) + " CreateStream(" + stream.Type + " request, " + Code.CancellationToken + " cancellationToken = default)"))
            {
                NullCheck(writer, stream, "request", "ThrowModuleRequestNull");
                writer.Line("return " + Module(module) + ".CreateStream(request, cancellationToken);");
            }
        }

        writer.Line();
        writer.Line("/// <summary>The generic <c>CreateStream</c>'s last resort: the stream requests of the modules, by exact type.</summary>");
        var table = TypeSwitch.UsesTable(streams.Select(r => r.Message.Type).Distinct().Count());
        if (table)
        {
            WriteModuleIndex(writer, ModuleStreamTypes, streams, "stream request types of the modules");
        }

        using (writer.Block("private " + Stream("TItem") + " " + CreateStreamInModules + "<TItem>(global::Mediator.IStreamRequest<TItem> request, " + Code.CancellationToken + " cancellationToken)"))
        {
            if (table)
            {
                WriteModuleSwitch(writer, ModuleStreamTypes, streams, streams, "CreateStream");
                writer.Line("throw new global::Mediator.HandlerNotFoundException(request.GetType());");
            }
            else
            {
                writer.Line("global::System.Type type = request.GetType();");
                foreach (var (stream, module) in streams)
                {
                    writer.Line("if (type == typeof(" + stream.Type + ") && typeof(TItem) == typeof(" + stream.Result + ")) return " + Code.Unsafe + ".As<" + Stream("TItem") + ">(" + Module(module) + ".CreateStream(" + Cast(stream, "request") + ", cancellationToken));");
                }

                writer.Line("throw new global::Mediator.HandlerNotFoundException(type);");
            }
        }

        if (!Each(composition, m => m.Requests).Any())
        {
            writer.Line();
            writer.Line("[global::System.Diagnostics.CodeAnalysis.DoesNotReturn]");
            writer.Line("private static void ThrowModuleRequestNull() => throw new global::System.ArgumentNullException(\"request\");");
        }
    }

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
                .Concat(notification.Modules.Select(i => Module(i) + ".Publish(notification, cancellationToken)"))
                .ToList();
            WritePublish(writer, "public " + Code.PlainValueTask + " Publish(" + notification.Type + " notification, " + Code.CancellationToken + " cancellationToken = default)", null, !notification.IsValueType, calls);
        }

        WriteGenericPublish(writer, composition);
        writer.Line();
        writer.Line("/// <summary>");
        writer.Line("/// The generic <c>Publish</c>'s last resort, for a type no project lists (a subclass of a handled notification, or a type");
        writer.Line("/// nobody handles): each project's own generic <c>Publish</c> takes it or lets it pass.");
        writer.Line("/// </summary>");
        var everyone = new[] { PublishHere + "(notification, cancellationToken)" }
            .Concat(composition.Modules.Select((m, i) => (m, i)).Where(x => x.m.Notifications.Count > 0).Select(x => Module(x.i) + ".Publish(notification, cancellationToken)"))
            .ToList();
        WritePublish(writer, "private " + Code.PlainValueTask + " " + PublishInEveryProject + "<TNotification>(TNotification notification, " + Code.CancellationToken + " cancellationToken)", "where TNotification : global::Mediator.INotification", false, everyone);
    }

    /// <summary>
    /// <c>IPublisher.Publish&lt;TNotification&gt;</c> in a host: a notification whose runtime type a project lists goes
    /// through its typed overload above, which calls only the projects that handle it (or a supertype of it); a chain of
    /// exact type tests, or above <see cref="TypeSwitch.ChainLimit"/> types a table and a switch. Any other type goes to
    /// every project's generic <c>Publish</c>, which is where a subclass finds the handlers of its base classes.
    /// </summary>
    private static void WriteGenericPublish(SourceWriter writer, Composition composition)
    {
        var notifications = composition.Notifications;
        var table = TypeSwitch.UsesTable(notifications.Count);
        writer.Line();
        if (table)
        {
            TypeSwitch.WriteIndex(writer, ComposedNotificationTypes, notifications.Select(n => "typeof(" + n.Type + ")").ToList(), "notification types of this project and its modules");
            writer.Line();
        }

        writer.Line("/// <inheritdoc />");
        writer.Line("public " + Code.PlainValueTask + " Publish<TNotification>(TNotification notification, " + Code.CancellationToken + " cancellationToken = default)");
        using (writer.Block("    where TNotification : global::Mediator.INotification"))
        {
            writer.Line("if (notification is null) ThrowNotificationNull();");
            if (table)
            {
                using (writer.Block("switch (" + ComposedNotificationTypes + ".IndexOf(" + PublishEmitter.RuntimeTypeHandle + "))"))
                {
                    for (var i = 0; i < notifications.Count; i++)
                    {
                        writer.Line("case " + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + ": return Publish(" + Cast(Message(notifications[i]), "notification") + ", cancellationToken);");
                    }
                }
            }
            else
            {
                writer.Line("global::System.Type type = " + PublishEmitter.RuntimeType + ";");
                foreach (var notification in notifications)
                {
                    writer.Line("if (type == typeof(" + notification.Type + ")) return Publish(" + Cast(Message(notification), "notification") + ", cancellationToken);");
                }
            }

            writer.Line("return " + PublishInEveryProject + "(notification, cancellationToken);");
        }
    }

    private static ModuleMessage Message(ComposedNotification notification) => new(notification.Type, null, notification.IsValueType);

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
