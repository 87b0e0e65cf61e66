package com.maintenanceaccess.people;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TeamCsvTest {

    @Test
    void readsASpreadsheetExportWithQuotesAndSeveralTemplates() {
        TeamCsv.Team team = TeamCsv.read("firstName,lastName,email,templates\r\n"
                + "Pia,Planner,pia@mro.example,planner\r\n"
                + "\"Tess \"\"T\"\"\",Technician,tess@mro.example,\"technician|stores\"\r\n"
                + "\r\n"
                + "Otto,\"O'Neil, Jr.\",otto@mro.example,planner;stores\n");
        assertEquals(List.of(), team.problems());
        assertEquals(3, team.rows().size());
        TeamCsv.Row tess = team.rows().get(1);
        assertEquals(3, tess.line());
        assertEquals("Tess \"T\"", tess.firstName());
        assertEquals(List.of("technician", "stores"), tess.templates());
        TeamCsv.Row otto = team.rows().get(2);
        assertEquals(5, otto.line(), "blank lines keep the numbering of the file");
        assertEquals("O'Neil, Jr.", otto.lastName());
        assertEquals(List.of("planner", "stores"), otto.templates());
    }

    @Test
    void readsAGermanSpreadsheetWithSemicolonsAndGermanHeaders() {
        TeamCsv.Team team = TeamCsv.read("Vorname;Nachname;E-Mail;Rollenvorlagen\nJürgen;Müller;jm@mro.example;planner,stores\n");
        assertEquals(List.of(), team.problems());
        TeamCsv.Row row = team.rows().get(0);
        assertEquals("Jürgen", row.firstName());
        assertEquals("jm@mro.example", row.email());
        assertEquals(List.of("planner", "stores"), row.templates());
    }

    @Test
    void aSecondRowWithTheSameAddressIsAProblemOfThatRow() {
        TeamCsv.Team team = TeamCsv.read("email,firstName,lastName,templates\na@mro.example,A,A,planner\nA@MRO.example,B,B,planner\n");
        assertEquals(List.of(), team.rows().get(0).problems());
        assertEquals("email", team.rows().get(1).problems().get(0).field());
        assertTrue(team.rows().get(1).problems().get(0).message().contains("line 2"));
    }

    @Test
    void aFileWithoutTheColumnsOrWithTooManyRowsIsRefusedAsAWhole() {
        assertEquals("csv", TeamCsv.read("").problems().get(0).field());
        TeamCsv.Team noTemplates = TeamCsv.read("firstName,lastName,email\nA,B,a@mro.example\n");
        assertTrue(noTemplates.problems().get(0).message().contains("templates"), noTemplates.toString());
        assertTrue(noTemplates.rows().isEmpty());
        StringBuilder big = new StringBuilder("firstName,lastName,email,templates\n");
        for (int i = 0; i <= TeamCsv.MAX_ROWS; i++) {
            big.append("A,B,a").append(i).append("@mro.example,planner\n");
        }
        assertTrue(TeamCsv.read(big.toString()).problems().get(0).message().contains("at most 500"));
    }
}
