using Mediator.SourceGenerator.Model;
using Microsoft.CodeAnalysis.CSharp;

namespace Mediator.SourceGenerator.Emitting;

/// <summary>
/// Writes <c>AddCompiledRoutes()</c>: one <c>Route&lt;T&gt;</c> call per <c>[assembly: RabbitMqRoute]</c>, each with the
/// type's contract from its source-generated JSON context (<c>GetTypeInfo</c> on a generated context reflects on nothing).
/// </summary>
internal static class RouteEmitter
{
    public const string HintName = "Mediator.RabbitMqRoutes.g.cs";

    public static string Emit(RouteTable table)
    {
        var writer = new SourceWriter();
        Code.FileHeader(writer);
        using (writer.Block("namespace Mediator.RabbitMQ"))
        {
            writer.Line("/// <summary>The routes this project declares with [assembly: RabbitMqRoute(...)], decided at compile time.</summary>");
            writer.Line(Code.GeneratedCode);
            using (writer.Block("internal static class CompiledRabbitMqRoutes"))
            {
                writer.Line("/// <summary>");
                writer.Line("/// Adds this project's routes: " + (table.Routes.Count == 0 ? "none." : string.Join(", ", table.Routes.Select(r => Code.Doc(r.NotificationType) + " to " + Code.Doc(r.Exchange) + " (" + Code.Doc(r.RoutingKey) + ")")) + "."));
                writer.Line("/// </summary>");
                using (writer.Block("public static global::Mediator.RabbitMQ.RabbitMqBuilder AddCompiledRoutes(this global::Mediator.RabbitMQ.RabbitMqBuilder builder)"))
                {
                    foreach (var route in table.Routes)
                    {
                        var typeInfo = "(global::System.Text.Json.Serialization.Metadata.JsonTypeInfo<" + route.NotificationType + ">)"
                            + route.JsonContext + ".Default.GetTypeInfo(typeof(" + route.NotificationType + "))!";
                        writer.Line("builder.Route<" + route.NotificationType + ">("
                            + Literal(route.Exchange) + ", " + Literal(route.RoutingKey) + ", " + typeInfo + ", "
                            + (route.Name is null ? "null" : Literal(route.Name)) + ");");
                    }

                    writer.Line("return builder;");
                }
            }
        }

        return writer.ToString();
    }

    private static string Literal(string value) => SymbolDisplay.FormatLiteral(value, quote: true);
}
