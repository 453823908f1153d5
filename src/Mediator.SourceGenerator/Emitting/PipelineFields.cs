using Mediator.SourceGenerator.Model;

namespace Mediator.SourceGenerator.Emitting;

/// <summary>
/// Writes a pipeline's readonly fields and the constructor that fills them, null-checked. Parameter names are written
/// as strings, not <c>nameof</c>: a <c>global using static</c> of a class with a method named <c>nameof</c> would turn
/// <c>nameof(x)</c> into a call of it.
/// </summary>
internal static class PipelineFields
{
    /// <param name="writer">Where to write.</param>
    /// <param name="className">The pipeline class.</param>
    /// <param name="required">Middlewares and handlers: a field <c>_name</c> each, null rejected.</param>
    /// <param name="optionalType">The type of the last parameter, which may be null (the observer) or is required (the publish runtime).</param>
    /// <param name="optionalName">Its name.</param>
    public static void Write(SourceWriter writer, string className, IReadOnlyList<(string Type, string Name)> required, string optionalType, string optionalName)
    {
        foreach (var (type, name) in required)
        {
            writer.Line("private readonly " + type + " _" + name + ";");
        }

        writer.Line("private readonly " + optionalType + " _" + optionalName + ";");
        writer.Line();
        var parameters = new List<string>();
        foreach (var (type, name) in required)
        {
            parameters.Add(type + " " + name);
        }

        parameters.Add(optionalType + " " + optionalName);
        using (writer.Block("public " + className + "(" + string.Join(", ", parameters) + ")"))
        {
            foreach (var (_, name) in required)
            {
                writer.Line("_" + name + " = " + name + " ?? throw new global::System.ArgumentNullException(\"" + name + "\");");
            }

            writer.Line(optionalType.EndsWith("?")
                ? "_" + optionalName + " = " + optionalName + ";"
                : "_" + optionalName + " = " + optionalName + " ?? throw new global::System.ArgumentNullException(\"" + optionalName + "\");");
        }
    }

    /// <summary>
    /// The fields of a request or stream pipeline: its steps (<c>_step0</c>, ...), its handler (<c>_handler</c>), then the
    /// dispatch observer, which may be null.
    /// </summary>
    public static void WriteStepsAndHandler(SourceWriter writer, string className, EquatableArray<PipelineStep> steps, string handlerType)
    {
        var fields = new List<(string Type, string Name)>();
        for (var i = 0; i < steps.Count; i++)
        {
            fields.Add((steps[i].MiddlewareType, "step" + i));
        }

        fields.Add((handlerType, "handler"));
        Write(writer, className, fields, Code.Observer + "?", "observer");
    }
}
