using System.Net.Http.Json;
using System.Text.Json;
using Teilhabe.TestSupport;

namespace Teilhabe.HttpTests.Clients;

/// <summary>Intent methods for client tests: create people and read them back through the API.</summary>
public static class ClientApi
{
    public static async Task<string> CreateClientAsync(this HttpClient client, string lastName = "Schneider", string firstName = "Petra", string birthDate = "1975-04-12", string gender = "female")
    {
        using var response = await client.PostAsJsonAsync("/api/v1/clients", new
        {
            lastName,
            firstName,
            birthDate,
            gender,
            nationality = "deutsch",
            address = new { street = "Anger 1", postalCode = "99084", city = "Erfurt" },
            workingLifePosition = "employee",
        });
        return await response.ReadCreatedIdAsync();
    }

    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        await response.ExpectAsync(System.Net.HttpStatusCode.OK);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
