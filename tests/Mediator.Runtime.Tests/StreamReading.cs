namespace RuntimeTests;

/// <summary>Reads a whole stream into a list: what the stream tests compare.</summary>
internal static class StreamReading
{
    public static async Task<List<T>> ReadAll<T>(IAsyncEnumerable<T> stream)
    {
        var items = new List<T>();
        await foreach (var item in stream)
        {
            items.Add(item);
        }

        return items;
    }
}
