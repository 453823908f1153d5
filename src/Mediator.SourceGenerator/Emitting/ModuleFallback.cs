using System.Globalization;
using Mediator.SourceGenerator.Model;

namespace Mediator.SourceGenerator.Emitting;

/// <summary>
/// What a host's modules add to one generic entry point (<c>Send&lt;TResponse&gt;</c>, the void <c>Send</c>,
/// <c>CreateStream</c>): their messages' exact types, tried where this project's had no pipeline, by the same chain of
/// type tests or, above <see cref="TypeSwitch.ChainLimit"/> types, the same table and switch as one project's; then their
/// base classes, merged with this project's by depth (<see cref="GenericDispatchWriter"/>), so a subclass reaches its
/// nearest handled base wherever it is handled. Each test calls the module's static entry point for that type
/// (<see cref="ModuleEmitter"/>): no module mediator is created.
/// </summary>
internal sealed class ModuleFallback
{
    private readonly Kind _kind;
    private readonly IReadOnlyList<Target> _targets;
    private readonly bool _table;

    private ModuleFallback(Kind kind, IReadOnlyList<Target> targets, bool table)
    {
        _kind = kind;
        _targets = targets;
        _table = table;
        BaseTypeTests = targets.Where(t => t.Message.CanBeDerived)
            .Select(t => new BaseTypeTest(t.Message.InheritanceDepth, t.Message.Type, w => WriteBaseTypeTest(w, t)))
            .ToList();
    }

    /// <summary>The base-class tests of the modules' messages that can have subclasses.</summary>
    public IReadOnlyList<BaseTypeTest> BaseTypeTests { get; }

    /// <summary>The generic <c>Send</c>'s, or null when no module handles requests.</summary>
    public static ModuleFallback? Send(MediatorPlan plan) => Create(plan, Kind.Send, m => m.Requests);

    /// <summary>The void <c>Send</c>'s: the modules' void requests, by the generic <c>Send</c>'s table when it has one.</summary>
    public static ModuleFallback? SendVoid(MediatorPlan plan) => Create(plan, Kind.SendVoid, m => m.Requests);

    /// <summary>The generic <c>CreateStream</c>'s, or null when no module handles stream requests.</summary>
    public static ModuleFallback? CreateStream(MediatorPlan plan) => Create(plan, Kind.CreateStream, m => m.Streams);

    /// <summary><c>Send(object)</c>'s: the modules' public requests, by the generic <c>Send</c>'s table when it has one (their internal ones: <see cref="Composer.WriteObjectEntries"/>).</summary>
    public static ModuleFallback? SendObject(MediatorPlan plan) => Create(plan, Kind.SendObject, m => m.Requests);

    /// <summary><c>CreateStream(object)</c>'s: the modules' public stream requests, by the generic <c>CreateStream</c>'s table when it has one.</summary>
    public static ModuleFallback? CreateStreamObject(MediatorPlan plan) => Create(plan, Kind.CreateStreamObject, m => m.Streams);

    private static ModuleFallback? Create(MediatorPlan plan, Kind kind, Func<ModuleSpec, EquatableArray<ModuleMessage>> messages)
    {
        // Positions in the table are every module message type of the kind's (the void Send reads the generic Send's).
        var all = plan.Composed.Modules
            .SelectMany((m, module) => messages(m).Select(message => (message, module)))
            .GroupBy(t => t.message.Type, StringComparer.Ordinal)
            .Select((g, position) => new Target(g.First().message, g.First().module, plan.Composed.Modules[g.First().module], position))
            .ToList();
        var taken = kind.VoidOnly ? all.Where(t => t.Message.Result is null).ToList() : all;
        return taken.Count == 0 ? null : new ModuleFallback(kind, taken, TypeSwitch.UsesTable(all.Count));
    }

    /// <summary>The exact type tests: statements that return when a module takes the message and fall through otherwise.</summary>
    public void WriteExactTests(SourceWriter writer)
    {
        if (_table)
        {
            var cases = _targets.Select(t => new KeyValuePair<int, string>(t.Position, t.Message.Type));
            TypeSwitch.WriteSwitch(writer, _kind.Index, TypeSwitch.HandleOf("request"), cases, (w, position) =>
            {
                var target = _targets.First(t => t.Position == position);
                var call = "return " + Helper(target) + "(request, cancellationToken);";
                if (ResultTest(target) is not { } test)
                {
                    w.Line(call);
                    return true;
                }

                w.Line("if (" + test + ") " + call);
                return false;
            });
            return;
        }

        writer.Line("global::System.Type composedType = request.GetType();");
        foreach (var target in _targets)
        {
            var test = ResultTest(target) is { } result ? " && " + result : string.Empty;
            using (writer.Block("if (composedType == typeof(" + target.Message.Type + ")" + test + ")"))
            {
                WriteCall(writer, target, Cast(target.Message.Type, target.Message.IsValueType, "request"));
            }
        }
    }

    /// <summary>The table (written by the entry point that owns it) and, with a table, the out-of-line way into each module message.</summary>
    public void WriteMembers(SourceWriter writer)
    {
        if (!_table)
        {
            return;
        }

        if (_kind.WritesIndex)
        {
            writer.Line();
            TypeSwitch.WriteIndex(writer, _kind.Index, _targets.Select(t => "typeof(" + t.Message.Type + ")").ToList(), _kind.What + " of the modules");
        }

        foreach (var target in _targets)
        {
            writer.Line();
            writer.Line("/// <summary>The generic " + _kind.Name + "'s way into <c>" + Code.Doc(target.Message.Type) + "</c>'s module, out of line so that the dispatching method stays small.</summary>");
            writer.Line(TypeSwitch.NoInlining);
            using (writer.Block("private " + _kind.ReturnType + " " + Helper(target) + _kind.TypeParameters + "(" + _kind.Parameter + " request, " + Code.CancellationToken + " cancellationToken)"))
            {
                WriteCall(writer, target, Cast(target.Message.Type, target.Message.IsValueType, "request"));
            }
        }
    }

    private void WriteBaseTypeTest(SourceWriter writer, Target target)
    {
        var test = ResultTest(target) is { } result ? " && " + result : string.Empty;
        if (_table)
        {
            writer.Line("if (request is " + target.Message.Type + test + ") return " + Helper(target) + "(request, cancellationToken);");
            return;
        }

        var name = "composed" + target.Position.ToString(CultureInfo.InvariantCulture);
        using (writer.Block("if (request is " + target.Message.Type + " " + name + test + ")"))
        {
            WriteCall(writer, target, name);
        }
    }

    /// <summary>Calls the module's entry point with the message already of its type, and returns what the entry point answers.</summary>
    private void WriteCall(SourceWriter writer, Target target, string typedMessage)
    {
        var entry = Composer.Entry(target.Spec, target.Module, _kind.Entry, typedMessage);
        switch (_kind.HelperName)
        {
            case "Send":
                var result = target.Message.Result ?? Code.Unit;
                var task = Code.ValueTask(result);
                writer.Line(task + " task = " + (target.Message.Result is null ? "global::Mediator.Internal.ValueTasks.ToUnit(" + entry + ")" : entry) + ";");
                writer.Line("return " + Code.Unsafe + ".As<" + task + ", " + Code.ValueTask("TResponse") + ">(ref task);");
                break;
            case "CreateStream":
                writer.Line("return " + Code.Unsafe + ".As<" + StreamEmitter.Stream("TItem") + ">(" + entry + ");");
                break;
            case "SendObject":
                // A void request's entry point returns a ValueTask: its answer through Send(object) is Unit, as within one project.
                writer.Line("return " + Code.DynamicDispatch + ".ToObject(" + (target.Message.Result is null ? "global::Mediator.Internal.ValueTasks.ToUnit(" + entry + ")" : entry) + ");");
                break;
            case "CreateStreamObject":
                writer.Line("return " + Code.DynamicDispatch + ".ToObjects(" + entry + ");");
                break;
            default:
                writer.Line("return " + entry + ";");
                break;
        }
    }

    /// <summary>The test of the method's result type parameter against the message's, or null when the method has none.</summary>
    private string? ResultTest(Target target)
        => _kind.ResultParameter is { } parameter ? "typeof(" + parameter + ") == typeof(" + (target.Message.Result ?? Code.Unit) + ")" : null;

    private string Helper(Target target) => "ComposedModule" + _kind.HelperName + target.Position.ToString(CultureInfo.InvariantCulture);

    /// <summary>After a type test the cast cannot fail: reference types are reinterpreted, structs unboxed.</summary>
    public static string Cast(string type, bool isValueType, string variable)
        => isValueType ? "(" + type + ")(object)" + variable : Code.Unsafe + ".As<" + type + ">(" + variable + ")";

    /// <summary>A module message of this entry point, its module (index and spec), and its position in the table.</summary>
    private sealed record Target(ModuleMessage Message, int Module, ModuleSpec Spec, int Position);

    /// <summary>
    /// What tells the entry points apart. <paramref name="VoidOnly"/>: only void requests; <paramref name="WritesIndex"/>:
    /// this entry point writes the table (the others of its kind of message read it).
    /// </summary>
    private sealed record Kind(string Name, string HelperName, string Entry, string ReturnType, string TypeParameters, string Parameter, string? ResultParameter, string Index, string What, bool VoidOnly, bool WritesIndex)
    {
        public static readonly Kind Send = new("Send", "Send", ModuleEmitter.ComposedSend, Code.ValueTask("TResponse"), "<TResponse>", "global::Mediator.IRequest<TResponse>", "TResponse", "ModuleRequestTypes", "request types", false, true);
        public static readonly Kind SendVoid = new("void Send", "SendVoid", ModuleEmitter.ComposedSend, Code.PlainValueTask, string.Empty, "global::Mediator.IRequest", null, "ModuleRequestTypes", "request types", true, false);
        public static readonly Kind SendObject = new("Send(object)", "SendObject", ModuleEmitter.ComposedSend, Code.ObjectTask, string.Empty, "object", null, "ModuleRequestTypes", "request types", false, false);
        public static readonly Kind CreateStream = new("CreateStream", "CreateStream", ModuleEmitter.ComposedCreateStream, StreamEmitter.Stream("TItem"), "<TItem>", "global::Mediator.IStreamRequest<TItem>", "TItem", "ModuleStreamTypes", "stream request types", false, true);
        public static readonly Kind CreateStreamObject = new("CreateStream(object)", "CreateStreamObject", ModuleEmitter.ComposedCreateStream, Code.ObjectStream, string.Empty, "object", null, "ModuleStreamTypes", "stream request types", false, false);
    }
}
