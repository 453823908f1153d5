using System.Net;
using System.Net.Http.Json;
using WebApi.Orders;

namespace WebApi.Tests;

/// <summary>The calls several tests make, as a client of the API would make them.</summary>
internal static class Requests
{
    /// <summary>The JSON body of an order of these lines.</summary>
    public static object Order(params (string Sku, int Quantity)[] lines)
        => new { lines = lines.Select(line => new { sku = line.Sku, quantity = line.Quantity }).ToArray() };

    /// <summary>Places an order that must succeed (201), and returns what the API answered.</summary>
    public static async Task<OrderPlaced> PlaceAsync(this HttpClient client, params (string Sku, int Quantity)[] lines)
    {
        var response = await client.PostAsJsonAsync("/orders", Order(lines));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<OrderPlaced>())!;
    }

    /// <summary>GET /orders/mine, which must succeed.</summary>
    public static async Task<MyOrders> MyOrdersAsync(this HttpClient client)
        => (await client.GetFromJsonAsync<MyOrders>("/orders/mine"))!;
}
